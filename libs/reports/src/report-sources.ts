import { Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** What the reports read from other contexts when their tables are there (columns checked at start). */
const KNOWN_SOURCES = {
  compliance: {
    table: 'device_compliance',
    columns: ['device_id', 'compliant'],
    sql: 'SELECT device_id, compliant FROM device_compliance',
  },
  packCart: {
    table: 'carts',
    columns: ['pack_id'],
    sql: 'SELECT DISTINCT pack_id FROM carts WHERE pack_id IS NOT NULL',
  },
} as const;

/**
 * Figures the reports take from other contexts: compliance (policies) and carts (carts), each as a
 * relation the reports join (hash joins: a per-row subquery would cost 100,000 lookups). A context
 * may register its own (like DeviceCommandsService.onAcknowledged); otherwise, at start, the
 * reports use those contexts' tables if the schema has them. Without either, the figure is
 * reported as unknown (null), never guessed.
 */
@Injectable()
export class ReportSources implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportSources.name);
  private compliance?: string;
  private packCart?: string;

  constructor(@Optional() private readonly dataSource?: DataSource) {}

  /** A query of `(device_id uuid, compliant boolean)`: true compliant, false not; a device absent was not evaluated. */
  useDeviceCompliance(relation: string): void {
    this.compliance = relation;
  }

  /** A query of `(pack_id uuid)`: the packs that have their charging cart, once each. */
  usePackCarts(relation: string): void {
    this.packCart = relation;
  }

  complianceRelation(): string {
    return this.compliance ?? 'SELECT NULL::uuid AS device_id, NULL::boolean AS compliant WHERE false';
  }

  /** Packs with a cart; `cartsKnown` false means none could be known (and `hasCart` is then null). */
  cartRelation(): string {
    return this.packCart ?? 'SELECT NULL::uuid AS pack_id WHERE false';
  }

  get cartsKnown(): boolean {
    return Boolean(this.packCart);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.dataSource) return;
    if (!this.compliance && (await this.hasColumns(KNOWN_SOURCES.compliance)))
      this.compliance = KNOWN_SOURCES.compliance.sql;
    if (!this.packCart && (await this.hasColumns(KNOWN_SOURCES.packCart))) this.packCart = KNOWN_SOURCES.packCart.sql;
    if (!this.compliance || !this.packCart)
      this.logger.log(
        `Reports without ${[!this.compliance && 'compliance', !this.packCart && 'carts'].filter(Boolean).join(' and ')}: reported as unknown`,
      );
  }

  private async hasColumns(source: { table: string; columns: readonly string[] }): Promise<boolean> {
    const [{ found }] = await this.dataSource!.query(
      `SELECT count(*)::int AS found FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = ANY($2::text[])`,
      [source.table, source.columns],
    );
    return found === source.columns.length;
  }
}
