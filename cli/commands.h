/* The subcommands of unionplan, in the order `unionplan --help` lists them.
 * Each line: CLI_COMMAND(name, one-line summary). The implementation is
 * int cli_cmd_name(int argc, char **argv) in cli/cmd-*.c. No include guard:
 * this file is an X-macro list. */
