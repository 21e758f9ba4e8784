/**
 * The child-process side of `createParsePool`: parses in-process and replies with plain JSON.
 * Errors travel as their JSON form and are rebuilt with `errorFromJSON` in the parent.
 */
import { isSkillmatchError } from '../errors.js';
import { parseResume } from './index.js';

interface ParseRequest {
  type: 'parse';
  id: number;
  input: Uint8Array | string;
  options: Record<string, unknown>;
}

function serialiseError(error: unknown): { name: string; code?: string; message: string; limit?: number; file?: string } {
  if (isSkillmatchError(error)) {
    const limit = (error as { limit?: number }).limit;
    return { ...error.toJSON(), ...(limit === undefined ? {} : { limit }) };
  }
  const name = (error as Error)?.name ?? 'Error';
  return { name, message: String((error as Error)?.message ?? error) };
}

if (typeof process.send === 'function') {
  process.on('message', (message: ParseRequest) => {
    if (message?.type !== 'parse') return;
    parseResume(message.input, { ...message.options, isolate: false }).then(
      (value) => process.send!({ id: message.id, ok: true, value }),
      (error: unknown) => process.send!({ id: message.id, ok: false, error: serialiseError(error) }),
    );
  });
  // An orphaned worker has nobody to answer; the parent's exit closes the channel.
  process.on('disconnect', () => process.exit(0));
}
