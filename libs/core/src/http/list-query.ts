import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { SocleError } from '../errors/socle-error';
import { LimitQuery, Page } from './pagination';

/** `?limit=&cursor=&q=&sort=`: keyset pagination on the chosen sort (then the id), opaque cursor. */
export class ListQuery extends LimitQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 400)
  cursor?: string;

  @ApiPropertyOptional({ description: 'Search: name, serial number, inventory number… (case-insensitive, contains)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ description: 'name, -name, createdAt, -createdAt (- for descending)', example: 'name' })
  @IsOptional()
  @Matches(/^-?[a-zA-Z]{1,30}$/)
  sort?: string;
}

/**
 * What a list offers: its sort keys (non-null SQL expressions; `text` ones in the French ICU
 * collation, so « École » sorts with « Ecole », not after « Z ») and the columns `q` searches.
 */
export interface ListSpec<T> {
  alias: string;
  sorts: Record<
    string,
    { sql: string; type: 'text' | 'timestamptz' | 'numeric'; of: (row: T) => string | number | Date }
  >;
  defaultSort: string;
  search: string[];
}

const FRENCH = 'COLLATE "fr-x-icu"';

/** Adds search, order and the keyset condition of the cursor; reads limit + 1 rows. */
export function applyListQuery<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: ListSpec<T>,
): SelectQueryBuilder<T> {
  const { key, descending } = sortOf(query, spec);
  const sort = spec.sorts[key];
  const expr = sort.type === 'text' ? `(${sort.sql}) ${FRENCH}` : sort.sql;
  const id = `${spec.alias}.id`;
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    builder.andWhere(`(${spec.search.map((column) => `${column} ILIKE :listQ`).join(' OR ')})`, { listQ: pattern });
  }
  if (query.cursor) {
    const [value, lastId] = decodeCursor(query.cursor);
    const op = descending ? '<' : '>';
    const param = `CAST(:listValue AS ${sort.type})${sort.type === 'text' ? ` ${FRENCH}` : ''}`;
    builder.andWhere(`(${expr} ${op} ${param} OR (${expr} = ${param} AND ${id} ${op} :listId))`, {
      listValue: value,
      listId: lastId,
    });
  }
  const direction = descending ? 'DESC' : 'ASC';
  return builder
    .orderBy(expr, direction)
    .addOrderBy(id, direction)
    .limit(query.limit + 1);
}

export function toListPage<T extends { id: string }>(rows: T[], query: ListQuery, spec: ListSpec<T>): Page<T> {
  const items = rows.slice(0, query.limit);
  if (rows.length <= query.limit) return { items, nextCursor: null };
  const last = items[items.length - 1];
  const raw = spec.sorts[sortOf(query, spec).key].of(last);
  const value = raw instanceof Date ? raw.toISOString() : raw;
  return { items, nextCursor: Buffer.from(JSON.stringify([value, last.id])).toString('base64url') };
}

function sortOf<T>(query: ListQuery, spec: ListSpec<T>): { key: string; descending: boolean } {
  const requested = query.sort ?? spec.defaultSort;
  const descending = requested.startsWith('-');
  const key = requested.replace(/^-/, '');
  if (!spec.sorts[key]) {
    throw SocleError.badRequest(
      'SORT_UNKNOWN',
      `Tri « ${requested} » inconnu pour cette liste : choisissez parmi ${Object.keys(spec.sorts)
        .flatMap((name) => [name, `-${name}`])
        .join(', ')}.`,
      { fields: [{ field: 'sort', problems: ['unknown'] }] },
    );
  }
  return { key, descending };
}

function decodeCursor(cursor: string): [string | number, string] {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) && ['string', 'number'].includes(typeof value))
      return [value, id];
  } catch {
    // falls through to the refusal below
  }
  throw SocleError.badRequest(
    'CURSOR_INVALID',
    'Ce curseur de pagination est invalide : reprenez la liste depuis sa première page.',
    { fields: [{ field: 'cursor', problems: ['invalid'] }] },
  );
}
