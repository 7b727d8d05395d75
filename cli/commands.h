/* The subcommands of unionplan, in the order `unionplan --help` lists them.
 * Each line: CLI_COMMAND(name, one-line summary). The implementation is
 * int cli_cmd_name(int argc, char **argv) in cli/cmd-*.c. No include guard:
 * this file is an X-macro list. */
CLI_COMMAND(validate, "check plans: XML, schema and rules (exit 1 if any is invalid)")
CLI_COMMAND(format, "write a plan in canonical XML")
CLI_COMMAND(summary, "print what each plan holds")
CLI_COMMAND(import, "turn a plain-text plan into XML")
CLI_COMMAND(export, "write plans as JSON or JSON Lines")
CLI_COMMAND(holidays, "list the festivals or the statutory days off of a year")
CLI_COMMAND(lunar, "give dates in the Chinese lunisolar calendar")
CLI_COMMAND(workday, "say whether dates are official working days")
