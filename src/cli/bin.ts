// The `slnd-stats` executable: runs the command line and sets the exit status.
import { runCli } from './main.js';

runCli(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
