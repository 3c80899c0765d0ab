import Fastify from 'fastify';

/**
 * The yardstick of bench/reads: bare Fastify answering a small JSON object, no logger, no hooks, in a
 * process of its own like the server, so the load generator's process measures both the same way.
 */
const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
const address = app.server.address();
process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
