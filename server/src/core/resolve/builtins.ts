// The keys every template knows without a fields file (DESIGN.md, "Built-in keys").
import type { Dialect } from '../base/types';

export type BuiltinType = 'text' | 'integer' | 'date-time';

export interface BuiltinKey {
  key: string;
  description: string;
  /** What the value is, said inside a sentence (`{username} is text (a Telegram username)`). */
  noun: string;
  type: BuiltinType;
  example: string | number;
  dialects: readonly Dialect[];
  /** Said on hover: why the value may be empty at send time. */
  mayBeEmpty?: string;
}

export const BUILTIN_KEYS: readonly BuiltinKey[] = [
  {
    key: 'username',
    description: 'Telegram username of the user.',
    noun: 'a Telegram username',
    type: 'text',
    example: 'ivan_petrov',
    dialects: ['webhook', 'message'],
    mayBeEmpty: 'Empty for users without a Telegram username: not every user has one.',
  },
  {
    key: 'chatId',
    description: 'Telegram chat id: an integer up to 52 bits, negative for groups.',
    noun: 'a Telegram chat id',
    type: 'integer',
    example: 482913377,
    dialects: ['webhook', 'message'],
  },
  { key: 'stepKey', description: 'Key of the step the user is on.', noun: 'the key of the step the user is on', type: 'text', example: 'lead_postback', dialects: ['webhook'] },
  {
    key: 'createdAt',
    description: 'When the dialogue started, ISO 8601 UTC with milliseconds.',
    noun: 'when the dialogue started',
    type: 'date-time',
    example: '2024-03-10T17:49:32.806Z',
    dialects: ['webhook', 'message'],
  },
  { key: 'name', description: "The user's first name.", noun: "the user's first name", type: 'text', example: 'Ivan', dialects: ['message'] },
];

const BY_KEY = new Map(BUILTIN_KEYS.map((builtin) => [builtin.key, builtin]));

export function builtinKey(key: string): BuiltinKey | undefined {
  return BY_KEY.get(key);
}

export function builtinsOf(dialect: Dialect): BuiltinKey[] {
  return BUILTIN_KEYS.filter((builtin) => builtin.dialects.includes(dialect));
}

/** The tracker note every `tracker.*` hover carries. */
export const TRACKER_EMPTY_NOTE = 'Empty for users who did not come through a tracker campaign link.';
