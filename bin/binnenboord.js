#!/usr/bin/env node
// The command line of cli.md. `npm install` builds dist/ (the prepare script).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
