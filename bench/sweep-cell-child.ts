/**
 * The child process of one research-sweep cell (bench/sweep-cell.ts `cellInChild`): receives the
 * cell over IPC, measures it (`measureCell`), sends back its result or its error's message, and
 * exits.
 * @module
 */
import { measureCell, type CellInput } from './sweep-cell.js';

process.once('message', (cell: CellInput) => {
  measureCell(cell).then(
    (result) => process.send!({ result }, () => process.exit(0)),
    (e: unknown) => process.send!({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) }, () => process.exit(1)),
  );
});
