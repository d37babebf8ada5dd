import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Database } from '@sitrep/platform';
import type { ChainHead } from '@sitrep/storage';
import { auditHead } from '@sitrep/storage';

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly database: Database) {}

  @Get('head')
  @ApiOperation({
    summary:
      'The head of the event log’s hash chain, to pin: `sitrep audit verify --expect-head POSITION:HASH` later proves that the log up to it is unchanged',
  })
  @ApiOkResponse({
    description: '{ position, hash, events }: position 0 and 64 zeros on an empty log',
    schema: {
      type: 'object',
      properties: {
        position: { type: 'integer' },
        hash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        events: { type: 'integer' },
      },
    },
  })
  async head(): Promise<ChainHead & { events: number }> {
    return auditHead(this.database.pool);
  }
}
