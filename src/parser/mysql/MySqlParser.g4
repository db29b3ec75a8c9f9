// Parser for the MySQL/MariaDB statements that matter to migration safety.
// Written for ddlint from the MySQL 8.0 and MariaDB reference manuals (CREATE
// TABLE, ALTER TABLE, CREATE/DROP INDEX, DROP, TRUNCATE, RENAME TABLE, UPDATE,
// DELETE, INSERT/REPLACE, SET, transaction statements, USE).
//
// The front-end splits statements itself and only hands this parser the kinds
// listed in `statement`; every other statement becomes an opaque IR statement
// without being parsed. Expressions are never parsed: they are balanced token
// runs (`parenGroup`, `rest`) summarised by the front-end.
parser grammar MySqlParser;

options {
  tokenVocab = MySqlLexer;
}

// Rule entry and exit as antlr4::Parser (4.9) does them, without its
// dynamic_cast of the context's parent to ParserRuleContext on every rule
// (about 8% of the instructions of a MySQL run): a context this parser
// creates has the context of the rule that invoked it as its parent (a
// ParserRuleContext) or none. enterRule and enterOuterAlt override the
// runtime's; exitRule, which is not virtual, hides it for the generated rule
// functions, its only callers.
@parser::members {
void enterRule(antlr4::ParserRuleContext* localctx, size_t state, size_t /*ruleIndex*/) override {
  setState(state);
  _ctx = localctx;
  _ctx->start = _input->LT(1);
  if (_buildParseTrees && _ctx->parent != nullptr)
    static_cast<antlr4::ParserRuleContext*>(_ctx->parent)->addChild(_ctx);
  if (!_parseListeners.empty()) triggerEnterRuleEvent();
}
void enterOuterAlt(antlr4::ParserRuleContext* localctx, size_t altNum) override {
  localctx->setAltNumber(altNum);
  // A labelled alternative's context takes the place of its rule's.
  if (_buildParseTrees && _ctx != localctx && _ctx->parent != nullptr) {
    auto* parent = static_cast<antlr4::ParserRuleContext*>(_ctx->parent);
    parent->removeLastChild();
    parent->addChild(localctx);
  }
  _ctx = localctx;
}
void exitRule() {
  // After EOF is matched, LT(-1) would not be the rule's last token.
  _ctx->stop = _input->LT(_matchedEOF ? 1 : -1);
  if (!_parseListeners.empty()) triggerExitRuleEvent();
  setState(_ctx->invokingState);
  _ctx = static_cast<antlr4::ParserRuleContext*>(_ctx->parent);
}
}

statement
  : (
      createTable
    | createIndex
    | alterTable
    | dropIndex
    | dropTable
    | dropDatabase
    | dropObject
    | truncateTable
    | optimizeTable
    | renameTable
    | updateStatement
    | deleteStatement
    | insertStatement
    | setStatement
    | transactionStatement
    | useStatement
  ) EOF
  ;

// ---- CREATE TABLE ------------------------------------------------------------

createTable
  : CREATE (OR REPLACE)? TEMPORARY? TABLE ifNotExists? tableName createTableBody
  ;

createTableBody
  : LPAREN LIKE tableName RPAREN                                                        # likeTableParen
  | LIKE tableName                                                                      # likeTable
  | LPAREN tableElement (COMMA tableElement)* RPAREN tableOptions? (partitionClause | asSelect)?  # tableDefinition
  | tableOptions? (partitionClause | asSelect)                                          # tableAsSelect
  ;

asSelect
  : (IGNORE | REPLACE)? AS? querySource
  ;

querySource
  : parenQuery rest
  | (SELECT | WITH | TABLE | VALUES) rest
  ;

parenQuery
  : LPAREN (parenQuery | (SELECT | WITH | TABLE | VALUES) (parenGroup | ~(LPAREN | RPAREN))*) RPAREN
  ;

tableElement
  : columnDef
  | tableConstraint
  ;

columnDef
  : ident dataType columnAttr*
  ;

dataType
  : typeName typeArgs? (UNSIGNED | SIGNED | ZEROFILL)*
  ;

typeName
  : NATIONAL? ident (PRECISION | VARYING)?
  | NATIONAL? CHARACTER VARYING?
  | LONG (ident | BINARY | CHARACTER VARYING?)?
  | BINARY
  | SET
  ;

typeArgs
  : LPAREN typeArg (COMMA typeArg)* RPAREN
  ;

typeArg
  : NUMBER
  | STRING
  | DQ_STRING
  | ident STRING
  ;

columnAttr
  : NOT? NULL_SYM                                                       # nullAttr
  | DEFAULT defaultValue                                            # defaultAttr
  | ON UPDATE defaultValue                                          # onUpdateAttr
  | AUTO_INCREMENT                                                  # autoIncrementAttr
  | PRIMARY? KEY                                                    # primaryKeyAttr
  | UNIQUE KEY?                                                     # uniqueAttr
  | COMMENT (STRING | DQ_STRING)                                    # commentAttr
  | COLLATE nameOrString                                            # collateAttr
  | charsetKeyword nameOrString                                     # charsetAttr
  | BINARY                                                          # binaryAttr
  | (GENERATED ALWAYS)? AS parenGroup (VIRTUAL | STORED | PERSISTENT)?  # generatedAttr
  | referencesClause                                                # referencesAttr
  | (CONSTRAINT cname=ident?)? CHECK parenGroup (NOT? ENFORCED)?    # checkAttr
  | (VISIBLE | INVISIBLE)                                           # visibilityAttr
  | (COLUMN_FORMAT | STORAGE) (ident | DEFAULT)                     # storageAttr
  | SRID NUMBER                                                     # sridAttr
  ;

charsetKeyword
  : CHARACTER SET
  | CHARSET
  ;

defaultValue
  : (MINUS | PLUS)? (NUMBER | HEX_NUMBER)
  | STRING+
  | DQ_STRING
  | NULL_SYM
  | parenGroup
  | ident STRING
  | ident parenGroup?
  ;

tableConstraint
  : (CONSTRAINT cname=ident?)? PRIMARY KEY iname=ident? indexType? keyParts indexOption*                # primaryKeyConstraint
  | (CONSTRAINT ifNotExists? cname=ident?)? UNIQUE (INDEX | KEY)? ifNotExists? iname=ident? indexType? keyParts indexOption*  # uniqueConstraint
  | (CONSTRAINT ifNotExists? cname=ident?)? FOREIGN KEY ifNotExists? iname=ident? LPAREN identList RPAREN referencesClause  # foreignKeyConstraint
  | (CONSTRAINT ifNotExists? cname=ident?)? CHECK parenGroup (NOT? ENFORCED)?                       # checkConstraint
  | (INDEX | KEY) ifNotExists? iname=ident? indexType? keyParts indexOption*                       # indexConstraint
  | (FULLTEXT | SPATIAL) (INDEX | KEY)? ifNotExists? iname=ident? keyParts indexOption*            # specialIndexConstraint
  ;

keyParts
  : LPAREN keyPart (COMMA keyPart)* RPAREN
  ;

keyPart
  : ident (LPAREN NUMBER RPAREN)? (ASC | DESC)?
  | parenGroup (ASC | DESC)?
  ;

indexType
  : USING ident
  ;

indexOption
  : KEY_BLOCK_SIZE EQ? NUMBER
  | indexType
  | WITH PARSER ident
  | COMMENT (STRING | DQ_STRING)
  | VISIBLE
  | INVISIBLE
  ;

referencesClause
  : REFERENCES tableName (LPAREN identList RPAREN)? (MATCH ident)? (ON (DELETE | UPDATE) referenceAction)*
  ;

referenceAction
  : RESTRICT
  | CASCADE
  | SET NULL_SYM
  | SET DEFAULT
  | NO ACTION
  ;

tableOptions
  : tableOption (COMMA? tableOption)*
  ;

tableOption
  : DEFAULT? charsetKeyword EQ? (nameOrString | DEFAULT)
  | DEFAULT? COLLATE EQ? (nameOrString | DEFAULT)
  | (INDEX | ident) ident EQ optionValue
  | (INDEX | ident) ident STRING  // DATA/INDEX DIRECTORY 'path' (`=` is optional)
  | WITH ident ident  // MariaDB WITH SYSTEM VERSIONING
  | ident EQ? optionValue
  ;

optionValue
  : ident
  | STRING
  | DQ_STRING
  | (MINUS | PLUS)? (NUMBER | HEX_NUMBER)
  | parenGroup
  | DEFAULT
  ;

partitionClause
  : PARTITION BY rest
  ;

// ---- ALTER TABLE -------------------------------------------------------------

alterTable
  : ALTER (ONLINE | OFFLINE)? IGNORE? TABLE ifExists? tableName waitOption? alterList?
  ;

// MariaDB `WAIT n` / `NOWAIT` (lock_wait_timeout n / 0 for the statement):
// ALTER TABLE, CREATE INDEX, DROP INDEX, DROP TABLE, OPTIMIZE TABLE, RENAME
// TABLE, TRUNCATE TABLE (and LOCK TABLES, read by the front-end).
waitOption
  : WAIT NUMBER
  | NOWAIT
  ;

// Items are comma-separated; table options may also be space-separated
// within one item (`ENGINE=InnoDB ROW_FORMAT=DYNAMIC`). Partition clauses and
// ORDER BY run to the end of the statement, so they come last: `rest` is only
// ever followed by the end of the statement, which keeps prediction linear.
alterList
  : alterItem (COMMA alterItem)* (COMMA alterTail)?
  | alterTail
  ;

alterTail
  : (ADD | DROP | CHECK | ident) PARTITION rest                              # partitionAction
  | PARTITION BY rest                                                        # partitionBy
  | ORDER BY rest                                                            # orderBy
  ;

alterItem
  : algorithmOption                                                          # alterAlgorithm
  | lockOption                                                               # alterLock
  | ADD COLUMN? ifNotExists? columnDef position?                              # addColumn
  | ADD COLUMN? ifNotExists? LPAREN tableElement (COMMA tableElement)* RPAREN  # addColumns
  | ADD tableConstraint                                                      # addConstraint
  | ALTER COLUMN? ident SET DEFAULT defaultValue                             # setDefault
  | ALTER COLUMN? ident DROP DEFAULT                                         # dropDefault
  | ALTER COLUMN? ident SET (VISIBLE | INVISIBLE)                            # alterColumnVisibility
  | ALTER INDEX ident (VISIBLE | INVISIBLE | NOT? ident)                     # alterIndexVisibility  // MariaDB [NOT] IGNORED
  | ALTER (CHECK | CONSTRAINT) ident NOT? ENFORCED                           # alterCheck
  | CHANGE COLUMN? ifExists? old=ident columnDef position?                        # changeColumn
  | MODIFY COLUMN? ifExists? columnDef position?                              # modifyColumn
  | DROP (INDEX | KEY) ifExists? ident                                       # dropIndexItem
  | DROP PRIMARY KEY                                                         # dropPrimaryKey
  | DROP FOREIGN KEY ifExists? ident                                         # dropForeignKey
  | DROP (CHECK | CONSTRAINT) ifExists? ident                                # dropConstraintItem
  | DROP COLUMN? ifExists? ident (RESTRICT | CASCADE)?                        # dropColumn
  | DROP ident ident                                                         # dropWords  // MariaDB DROP SYSTEM VERSIONING
  | RENAME COLUMN old=ident TO new_=ident                                           # renameColumn
  | RENAME (INDEX | KEY) old=ident TO new_=ident                                    # renameIndex
  | RENAME (TO | AS)? tableName                                              # renameTo
  | CONVERT TO charsetKeyword (nameOrString | DEFAULT) (COLLATE nameOrString)?  # convertCharset
  | FORCE                                                                    # force
  | WITH ident                                                               # withValidation
  | tableOption+                                                             # alterTableOptions
  ;

position
  : FIRST
  | AFTER ident
  ;

algorithmOption
  : ALGORITHM EQ? (ident | DEFAULT)
  ;

lockOption
  : LOCK EQ? (ident | DEFAULT)
  ;

// ---- indexes, DROP, TRUNCATE, RENAME ---------------------------------------------

createIndex
  : CREATE (OR REPLACE)? (ONLINE | OFFLINE)? (UNIQUE | FULLTEXT | SPATIAL)? INDEX ifNotExists? ident indexType? ON tableName
    keyParts waitOption? indexOption* (algorithmOption | lockOption)*
  ;

dropIndex
  : DROP INDEX (ONLINE | OFFLINE)? ifExists? ident ON tableName waitOption? (algorithmOption | lockOption)*
  ;

dropTable
  : DROP TEMPORARY? (TABLE | TABLES) ifExists? tableName (COMMA tableName)* waitOption? (RESTRICT | CASCADE)?
  ;

dropDatabase
  : DROP (DATABASE | SCHEMA) ifExists? ident
  ;

dropObject
  : DROP (VIEW | PROCEDURE | FUNCTION | TRIGGER | EVENT) ifExists? tableName (COMMA tableName)* (RESTRICT | CASCADE)?
  ;

truncateTable
  : TRUNCATE TABLE? tableName waitOption?
  ;

// OPTIMIZE [NO_WRITE_TO_BINLOG | LOCAL] TABLE t [, t ...] [WAIT n | NOWAIT]
optimizeTable
  : OPTIMIZE ident? (TABLE | TABLES) tableName (COMMA tableName)* waitOption?
  ;

// RENAME TABLE[S] [IF EXISTS] t [WAIT n | NOWAIT] TO u [, ...] (IF EXISTS and
// WAIT/NOWAIT: MariaDB).
renameTable
  : RENAME (TABLE | TABLES) ifExists? renamePair (COMMA renamePair)*
  ;

renamePair
  : tableName waitOption? TO tableName
  ;

// ---- DML -----------------------------------------------------------------------

updateStatement
  : UPDATE (LOW_PRIORITY | IGNORE)* tableName beforeWhere* whereClause?
  ;

deleteStatement
  : DELETE (LOW_PRIORITY | QUICK | IGNORE)* FROM? tableName beforeWhere* whereClause?
  ;

beforeWhere
  : parenGroup
  | ~(LPAREN | RPAREN | WHERE)
  ;

whereClause
  : WHERE rest
  ;

insertStatement
  : (INSERT | REPLACE) (LOW_PRIORITY | DELAYED | HIGH_PRIORITY | IGNORE)* INTO? tableName
    (PARTITION LPAREN identList RPAREN)? (LPAREN identList? RPAREN)? insertSource
  ;

insertSource
  : (VALUES | VALUE) rest      # insertValues
  | SET rest                   # insertSet
  | querySource                # insertSelect
  ;

// ---- SET, transactions, USE -------------------------------------------------------

setStatement
  : SET scope? TRANSACTION rest                        # setTransaction
  | SET setItem (COMMA setItem)*                       # setAssignments
  ;

setItem
  : scope? first=ident (DOT second=ident)? (EQ | ASSIGN) setValue  # setVariable
  | SYS_VAR (EQ | ASSIGN) setValue                     # setSystemVariable
  | USER_VAR (EQ | ASSIGN) setValue                    # setUserVariable
  | NAMES setValue                                     # setNames
  | charsetKeyword setValue                            # setCharset
  ;

scope
  : GLOBAL
  | SESSION
  | LOCAL
  | PERSIST
  | PERSIST_ONLY
  ;

setValue
  : (parenGroup | ~(LPAREN | RPAREN | COMMA))+
  ;

transactionStatement
  : START TRANSACTION rest                                               # startTransaction
  | BEGIN WORK?                                                          # begin
  | COMMIT WORK? chainOption? releaseOption?                             # commit
  | ROLLBACK WORK? TO SAVEPOINT? ident                                   # rollbackTo
  | ROLLBACK WORK? chainOption? releaseOption?                           # rollback
  | SAVEPOINT ident                                                      # savepoint
  | RELEASE SAVEPOINT ident                                              # releaseSavepoint
  ;

chainOption
  : AND NO? CHAIN
  ;

releaseOption
  : NO? RELEASE
  ;

useStatement
  : USE ident
  ;

// ---- shared pieces ----------------------------------------------------------------

ifExists
  : IF EXISTS
  ;

ifNotExists
  : IF NOT EXISTS
  ;

tableName
  : first=ident (DOT second=ident)?
  ;

identList
  : ident (COMMA ident)*
  ;

nameOrString
  : ident
  | STRING
  ;

parenGroup
  : LPAREN (parenGroup | ~(LPAREN | RPAREN))* RPAREN
  ;

// Any tokens up to the end of the statement, parentheses balanced. Only ever
// used where the end of the statement follows.
rest
  : (parenGroup | ~(LPAREN | RPAREN))*
  ;

ident
  : ID
  | BQ_ID
  | DQ_STRING
  | nonReserved
  ;

// Keywords MySQL does not reserve: they name tables and columns as well.
nonReserved
  : ACTION | AFTER | ALGORITHM | ALWAYS | AUTO_INCREMENT | BEGIN | CHAIN | CHARSET | COLUMN_FORMAT | COMMENT
  | COMMIT | ENFORCED | EVENT | FIRST | FUNCTION | GLOBAL | INVISIBLE | KEY_BLOCK_SIZE | LOCAL | NAMES | NO
  | NATIONAL | NOWAIT | OFFLINE | ONLINE | PARSER | PERSIST | PERSIST_ONLY | PERSISTENT | QUICK | ROLLBACK | SAVEPOINT | SESSION
  | SIGNED | SRID | START | STORAGE | TABLES | TEMPORARY | TRANSACTION | TRUNCATE | VALUE | VIEW | VISIBLE | WAIT | WORK
  ;
