import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Config } from '@sitrep/config';
import { JsonLogger, PlatformModule } from '@sitrep/platform';
import type { AddressInfo } from 'node:net';
import { ApiModule } from '../../apps/api/src/api.module';
import { startHttpApp } from '../../apps/api/src/http-app';
import { PollerModule } from '../../apps/poller/src/poller.module';
import { ProjectorModule } from '../../apps/projector/src/projector.module';

export interface RunningSitrep {
  readonly app: NestFastifyApplication;
  readonly baseUrl: string;
  get<T = unknown>(path: string): Promise<{ status: number; body: T }>;
  request<T = unknown>(
    method: string,
    path: string,
    init?: { body?: unknown; key?: string | null },
  ): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/** Sitrep in this process, as `npm start` composes it (poller, projector, API), on the given config. */
export const startSitrep = async (config: Config, { withPoller = true } = {}): Promise<RunningSitrep> => {
  @Module({
    imports: [
      PlatformModule.forRoot(config),
      ProjectorModule,
      ...(withPoller ? [PollerModule.forRoot()] : []),
      ApiModule,
    ],
  })
  class SitrepTestApp {}
  const app = await startHttpApp(SitrepTestApp, config, new JsonLogger('silent'));
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const request = async <T>(method: string, path: string, init: { body?: unknown; key?: string | null } = {}) => {
    const headers: Record<string, string> = {};
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.key) headers.authorization = `Bearer ${init.key}`;
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
  return {
    app,
    baseUrl,
    request,
    get: (path) => request('GET', path),
    close: () => app.close(),
  };
};
