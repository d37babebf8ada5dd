// Runs the TypeScript sources directly: swc transpiles each module (keeping decorator metadata,
// which Nest's dependency injection reads) and resolves the @sitrep/* aliases from tsconfig.json.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('@swc-node/register/esm', pathToFileURL('./'));
