import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** `?limit=`: at most 500 rows a page. */
export class LimitQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 100;
}

/** `?limit=&cursor=`: keyset pagination on the id, stable while rows are added. */
export class PageQuery extends LimitQuery {
  @IsOptional()
  @IsUUID()
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Callers fetch limit + 1 rows ordered by id; the extra row only tells that there is a next page. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}

/** A list bounded by nature (a pack's tokens, a device's incidents, the list versions): one page, same shape as every list. */
export async function onePage<T>(items: T[] | Promise<T[]>): Promise<Page<T>> {
  return { items: await items, nextCursor: null };
}
