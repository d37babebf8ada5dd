import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Config } from '@sitrep/config';
import { CONFIG } from '@sitrep/platform';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Writes need `Authorization: Bearer <SITREP_API_KEY>`; with no key configured, every write is refused. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(@Inject(CONFIG) private readonly config: Config) {}

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (this.config.apiKey === null) {
      throw new UnauthorizedException('writes are disabled: the server has no SITREP_API_KEY configured');
    }
    // Compared as digests so that the comparison takes the same time whatever the key's length.
    if (!match?.[1] || !timingSafeEqual(digest(match[1]), digest(this.config.apiKey))) {
      throw new UnauthorizedException(
        'expected the header "Authorization: Bearer <API key>", found none or a wrong key',
      );
    }
    return true;
  }
}
