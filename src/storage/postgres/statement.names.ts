import type pg from 'pg';

/** Named statements per connection; a text met after that runs unnamed, as every text did before. */
const NAME_STATEMENTS = 256;
/** Longer texts (lists of placeholders that vary with the data) are never named. */
const NAME_UP_TO_CHARS = 4096;
/** Texts seen once and not yet named, remembered per connection up to this many (the oldest forgotten first). */
const REMEMBER_SEEN = 1024;

type Query = (...args: unknown[]) => unknown;

/**
 * Lets PostgreSQL keep the parsed statement of each query text the client sends again. A text with parameters
 * that the connection has run before is sent as a named (prepared) statement: the server parses and analyses it
 * once per connection instead of at every call, which for the store's short queries is a good part of their time.
 * A text is named on its second use, so one-off texts (lists of placeholders that vary with the data) take no
 * place; at most NAME_STATEMENTS texts are named per connection and the rest run unnamed. Texts without
 * parameters (transaction control, migrations of several statements) always run as they are.
 *
 * A prepared statement holds the shape of the rows it returns: a change to a table's columns while the store is
 * open would make PostgreSQL refuse a kept `select *` ("cached plan must not change result type"). Only migrations
 * change columns, and they run when the store opens, before any query is named.
 *
 * Runs on the pool's `connect` event before `allowCopy`, so that a COPY never reaches it.
 */
export function nameStatements(client: pg.ClientBase): void {
  const query = client.query.bind(client) as Query;
  const named = new Map<string, string>();
  const seen = new Set<string>();
  const naming: Query = (...args) => {
    const [text, values, callback] = args;
    if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0 || callback !== undefined) return query(...args);
    const name = named.get(text) ?? nameFor(text);
    return name === undefined ? query(text, values) : query({ name, text, values });
  };
  function nameFor(text: string): string | undefined {
    if (named.size >= NAME_STATEMENTS || text.length > NAME_UP_TO_CHARS) return undefined;
    if (!seen.has(text)) {
      seen.add(text);
      if (seen.size > REMEMBER_SEEN) seen.delete(seen.values().next().value!);
      return undefined;
    }
    seen.delete(text);
    const name = `koryu_${named.size + 1}`;
    named.set(text, name);
    return name;
  }
  client.query = naming as typeof client.query;
}

/** For tests: the bounds. */
export const STATEMENT_NAMING = { named: NAME_STATEMENTS, upToChars: NAME_UP_TO_CHARS, rememberSeen: REMEMBER_SEEN } as const;
