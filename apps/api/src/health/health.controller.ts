import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Config } from '@sitrep/config';
import { CONFIG, Database, KAFKA } from '@sitrep/platform';
import type { FastifyReply } from 'fastify';
import type { Kafka } from 'kafkajs';

interface Check {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

const timed = async (probe: () => Promise<unknown>, timeoutMs: number): Promise<Check> => {
  const startedAt = performance.now();
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - startedAt) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - startedAt), error: (error as Error).message };
  }
};

@ApiTags('health')
@Controller('v1/health')
export class HealthController {
  constructor(
    private readonly database: Database,
    @Inject(KAFKA) private readonly kafka: Kafka | null,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Readiness of PostgreSQL and, in distributed mode, Kafka: 200 when all are up, 503 otherwise',
  })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<object> {
    const [postgres, kafka] = await Promise.all([
      timed(() => this.database.pool.query('select 1'), 3_000),
      this.kafka ? timed(() => this.kafkaReachable(this.kafka as Kafka), 5_000) : Promise.resolve(null),
    ]);
    const ok = postgres.ok && (kafka?.ok ?? true);
    void reply.status(ok ? 200 : 503);
    return {
      status: ok ? 'ok' : 'unavailable',
      mode: this.config.kafkaBrokers ? 'distributed' : 'embedded',
      postgres: { ...postgres, embedded: this.database.embedded },
      kafka,
    };
  }

  private async kafkaReachable(kafka: Kafka): Promise<void> {
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.listTopics();
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
