// The `assay` command line: one commander program, each subcommand registered by its own module.
import { Command, CommanderError } from "commander";
import { registerCheck } from "./check.ts";
import { registerCompare } from "./compare.ts";
import { registerDiff } from "./diff.ts";
import { registerGolden } from "./golden.ts";
import { registerLookahead } from "./lookahead.ts";
import { registerRealism } from "./realism.ts";
import { registerRun } from "./run.ts";
import { registerStress } from "./stress.ts";
import { registerSweep } from "./sweep.ts";

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Runs `assay <argv...>` and resolves to the process exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const exit = { code: 0 };
  const program = new Command("assay")
    .description("A backtesting engine whose accounting is proven by its own harness")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.replace(/\n$/, "")),
      writeErr: (text) => io.err(text.replace(/\n$/, "")),
    });

  // Subcommands. Each module adds one command and reports its exit code through `exit`.
  registerRun(program, io, exit);
  registerGolden(program, io, exit);
  registerCheck(program, io, exit);
  registerLookahead(program, io, exit);
  registerSweep(program, io, exit);
  registerStress(program, io, exit);
  registerCompare(program, io, exit);
  registerDiff(program, io, exit);
  registerRealism(program, io, exit);

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    io.err(`assay: ${(error as Error).message}`);
    return 1;
  }
  return exit.code;
}
