import { main, reportError } from './main';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // The reader went away (e.g. `| head`): stop quietly.
  if (error.code === 'EPIPE') process.exit(0);
});

const status = await main(process.argv.slice(2)).catch(reportError);
// Exit explicitly: runtime thread pools may otherwise keep Node alive. The empty write flushes stdout first.
process.stdout.write('', () => process.exit(status));
