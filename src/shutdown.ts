import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';

/**
 * design.md §7 order: stop taking requests and let those in flight finish (their commits still
 * wake the outbox dispatcher), and only then stop the workers and close the database — which is
 * what `app.close()` does, but Nest runs the modules' destroy hooks (workers) before it closes the
 * HTTP server. A request still running after `drainMs` is cut off so that shutdown cannot hang.
 */
export async function closeGracefully(app: INestApplication, drainMs = 10_000): Promise<void> {
  const server = app.getHttpServer() as Server;
  if (server.listening) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        server.closeAllConnections();
        resolve();
      }, drainMs);
      timer.unref();
      server.close(() => {
        clearTimeout(timer);
        resolve();
      });
      // Keep-alive connections without a request in flight would hold close() open.
      server.closeIdleConnections();
    });
  }
  await app.close();
}
