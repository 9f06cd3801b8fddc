from briefgen.cli import cli

cli(prog_name="briefgen")
