-- Routine keywords in any case, after other words, and text that is not ASCII (é, ü, 😀) at every offset.
create definer=`root`@`localhost` Procedure p1()
begin
  If 1 THEN select 'é'; End If;
  while 0 do select 'ü'; END while;
end;
alter table t add column é1 int comment 'ü😀';
Begin Not Atomic
  select 1;
END;
ALTER TABLE t ADD COLUMN y INT; -- äöü
CREATE TABLE tt (a int, b int, c int, d int, e int, f int, g int, h int, i int, j int, k int, procedure int);
SELECT 'éé';
