#!/usr/bin/env node
// `pnpm bench` arrives with the first vertical slice (issue 4): it compares against the official
// SDK and a raw fetch floor on loopback. Benchmarks are never unit tests.
console.log('No benchmarks yet: they land with the chat package (issue 4).');
