// Entry for runtimes with a command line (Node, Bun, Deno): `<runtime> smoke/cli.mjs <baseUrl>`.
// Prints one line per check, then the results as JSON on a `SMOKE_RESULT ` line for the harness.
import { runSmoke } from './smoke.mjs';

const args = globalThis.Deno ? globalThis.Deno.args : globalThis.process.argv.slice(2);
const results = await runSmoke({ baseUrl: args[0] });
console.log(`SMOKE_RESULT ${JSON.stringify(results)}`);
// Exit now: a socket a runtime keeps alive must not hold the harness until its timeout.
if (globalThis.Deno) globalThis.Deno.exit(0);
else globalThis.process.exit(0);
