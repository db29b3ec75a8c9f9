/* Parse floor for bench/run: the least work a PostgreSQL linter built on
 * libpg_query does, on one thread.
 *
 *   parse_floor LIST_FILE      (one path per line)
 *   parse_floor -- FILE...
 *
 * Each file is read and its whole text given to pg_query_parse; when that
 * fails, the text is split into statements with pg_query_split_with_scanner
 * (which accepts text that does not parse) and each statement is parsed on
 * its own. Printed on stdout, one line:
 *   files N bytes N statements N failed N seconds S
 * statements counts the statements parsed without error, failed those that
 * were not; seconds is the wall time of the loop (reading the files
 * included). Built by bench/run: cc -O2 parse_floor.c -lpg_query.
 */
#define _POSIX_C_SOURCE 200809L
#include <pg_query.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char* read_file(const char* path, size_t* len) {
  FILE* f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char* buf = malloc(cap);
  for (;;) {
    if (n + 1 >= cap) buf = realloc(buf, cap *= 2);
    size_t got = fread(buf + n, 1, cap - n - 1, f);
    if (got == 0) break;
    n += got;
  }
  fclose(f);
  buf[n] = '\0';
  *len = n;
  return buf;
}

/* Top-level statements of a parse tree: pg_query_parse's JSON holds one
 * {"stmt": ...} object (a RawStmt) per statement, and no other node has a
 * field of that name; a string inside the tree has its quotes escaped. */
static long count_stmts(const char* json) {
  long n = 0;
  for (const char* p = json; (p = strstr(p, "{\"stmt\":")) != NULL; p += 8) n++;
  return n;
}

static long files, failed, statements;
static unsigned long long bytes;

static void parse_one(const char* path) {
  size_t len;
  char* text = read_file(path, &len);
  if (!text) {
    fprintf(stderr, "parse_floor: cannot read %s\n", path);
    exit(2);
  }
  files++;
  bytes += len;
  PgQueryParseResult r = pg_query_parse(text);
  if (!r.error) {
    statements += count_stmts(r.parse_tree);
    pg_query_free_parse_result(r);
    free(text);
    return;
  }
  pg_query_free_parse_result(r);
  PgQuerySplitResult s = pg_query_split_with_scanner(text);
  if (s.error) {
    failed++;
  } else {
    for (int i = 0; i < s.n_stmts; i++) {
      const PgQuerySplitStmt* st = s.stmts[i];
      char saved = text[st->stmt_location + st->stmt_len];
      text[st->stmt_location + st->stmt_len] = '\0';
      PgQueryParseResult one = pg_query_parse(text + st->stmt_location);
      text[st->stmt_location + st->stmt_len] = saved;
      if (one.error)
        failed++;
      else
        statements += count_stmts(one.parse_tree);
      pg_query_free_parse_result(one);
    }
  }
  pg_query_free_split_result(s);
  free(text);
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: parse_floor LIST_FILE | parse_floor -- FILE...\n");
    return 2;
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  if (strcmp(argv[1], "--") == 0) {
    for (int i = 2; i < argc; i++) parse_one(argv[i]);
  } else {
    FILE* list = fopen(argv[1], "r");
    if (!list) {
      fprintf(stderr, "parse_floor: cannot read %s\n", argv[1]);
      return 2;
    }
    char* line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, list)) > 0) {
      if (line[n - 1] == '\n') line[--n] = '\0';
      if (n) parse_one(line);
    }
    free(line);
    fclose(list);
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  printf("files %ld bytes %llu statements %ld failed %ld seconds %.6f\n", files, bytes, statements, failed,
         seconds);
  return 0;
}
