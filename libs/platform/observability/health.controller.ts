import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../http/public.decorator.js';
import { metricsRegistry } from './metrics.js';

/** Liveness with a database round trip, and Prometheus metrics. Both need no authentication. */
@ApiExcludeController()
@Public()
@Controller()
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('health')
  async health(@Res() res: Response): Promise<void> {
    const started = Date.now();
    try {
      await this.dataSource.query('SELECT 1');
      res.status(200).json({ status: 'ok', database: { status: 'up', latencyMs: Date.now() - started } });
    } catch {
      res.status(503).json({ status: 'error', database: { status: 'down' } });
    }
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
