// The `slnd-stats` executable: runs the command line and sets the exit status.
import { runCli } from './main.js';

process.exitCode = runCli(process.argv.slice(2));
