import { MigrationInterface, QueryRunner } from 'typeorm';

/** Purchase data, retirements and their wipe proofs, reprises, repairs, the model catalogue; the device state machine and an immutable audit trail in the schema. */
export class Lifecycle1795637995698 implements MigrationInterface {
  name = 'Lifecycle1795637995698';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_audit_entries_tenant_time"`);
    await queryRunner.query(
      `CREATE TABLE "reprises" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collectivite_id" uuid NOT NULL, "kind" text NOT NULL, "party_name" text NOT NULL, "slip_number" text NOT NULL, "handed_over_on" date NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_reprises_slip" UNIQUE ("collectivite_id", "slip_number"), CONSTRAINT "uq_reprises_id_tenant" UNIQUE ("id", "collectivite_id"), CONSTRAINT "chk_reprises_kind" CHECK (kind IN ('distributor_take_back', 'recycler', 'reuse_donation')), CONSTRAINT "PK_6d47a58de1434cca2907982032b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "reprise_devices" ("device_id" uuid NOT NULL, "reprise_id" uuid NOT NULL, "collectivite_id" uuid NOT NULL, "device_state" text NOT NULL DEFAULT 'taken_back', CONSTRAINT "chk_reprise_devices_state" CHECK (device_state = 'taken_back'), CONSTRAINT "pk_reprise_devices" PRIMARY KEY ("device_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_reprise_devices_reprise" ON "reprise_devices" ("reprise_id") `);
    await queryRunner.query(
      `CREATE TABLE "repair_incidents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collectivite_id" uuid NOT NULL, "device_id" uuid NOT NULL, "kind" text NOT NULL, "description" text NOT NULL, "opened_on" date NOT NULL, "resolved_on" date, "cost" numeric(10,2), "repairer" text, "resolution" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_repair_incidents_cost" CHECK (cost IS NULL OR cost >= 0), CONSTRAINT "chk_repair_incidents_dates" CHECK (resolved_on IS NULL OR resolved_on >= opened_on), CONSTRAINT "chk_repair_incidents_kind" CHECK (kind IN ('screen', 'battery', 'charging_port', 'keyboard_trackpad', 'liquid_damage', 'software', 'other')), CONSTRAINT "PK_1838d112c9f8189a42693e94a2d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_repair_incidents_device" ON "repair_incidents" ("device_id", "opened_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "device_retirements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collectivite_id" uuid NOT NULL, "device_id" uuid NOT NULL, "reason" text NOT NULL, "requested_by" uuid, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "wipe_command_id" uuid, "wipe_acknowledged_at" TIMESTAMP WITH TIME ZONE, "wipe_acknowledgement" text, "forced" boolean NOT NULL DEFAULT false, "forced_by" uuid, "forced_at" TIMESTAMP WITH TIME ZONE, "forced_reason" text, "completed_at" TIMESTAMP WITH TIME ZONE, "certificate_serial" text, CONSTRAINT "chk_device_retirements_forced" CHECK (NOT forced OR (forced_reason IS NOT NULL AND forced_at IS NOT NULL)), CONSTRAINT "chk_device_retirements_proof" CHECK (completed_at IS NULL OR wipe_acknowledged_at IS NOT NULL OR forced), CONSTRAINT "PK_c4576c62619ee038ae749270edd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_device_retirements_wipe_command" ON "device_retirements" ("wipe_command_id") WHERE wipe_command_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_device_retirements_device" ON "device_retirements" ("device_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "device_models" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collectivite_id" uuid NOT NULL, "name" text NOT NULL, "os_family" text, "weight_grams" integer, "screen_inches" numeric(4,1), "last_supported_os" text, "os_support_end" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_device_models_name" UNIQUE ("collectivite_id", "name"), CONSTRAINT "chk_device_models_screen" CHECK (screen_inches IS NULL OR screen_inches > 0), CONSTRAINT "chk_device_models_weight" CHECK (weight_grams IS NULL OR weight_grams > 0), CONSTRAINT "chk_device_models_os_family" CHECK (os_family IS NULL OR os_family IN ('ipados', 'android', 'windows', 'chromeos', 'linux')), CONSTRAINT "PK_51f8c8f18871353268185fdde81" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "devices" ADD "inventory_number" text`);
    await queryRunner.query(`ALTER TABLE "devices" ADD "funding_source" text`);
    await queryRunner.query(`ALTER TABLE "devices" ADD "purchase_price" numeric(10,2)`);
    await queryRunner.query(`ALTER TABLE "devices" ADD "order_reference" text`);
    await queryRunner.query(`ALTER TABLE "devices" ADD "maintenance_end" date`);
    await queryRunner.query(`ALTER TABLE "devices" ADD "take_back_terms" text`);
    await queryRunner.query(
      `CREATE INDEX "idx_audit_entries_request" ON "audit_entries" ("request_id") WHERE request_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "idx_audit_entries_time" ON "audit_entries" ("occurred_at") `);
    await queryRunner.query(
      `CREATE INDEX "idx_audit_entries_actor_time" ON "audit_entries" ("actor_user_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_audit_entries_tenant_time" ON "audit_entries" ("collectivite_id", "occurred_at", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_devices_tenant_inventory" ON "devices" ("collectivite_id", "inventory_number") WHERE inventory_number IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "devices" ADD CONSTRAINT "chk_devices_purchase_price" CHECK (purchase_price IS NULL OR purchase_price >= 0)`,
    );
    await queryRunner.query(
      `ALTER TABLE "devices" ADD CONSTRAINT "chk_devices_funding_source" CHECK (funding_source IS NULL OR funding_source IN ('snee', 'tne', 'enir', 'own_budget', 'other'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "devices" ADD CONSTRAINT "uq_devices_id_tenant_state" UNIQUE ("id", "collectivite_id", "state")`,
    );
    await queryRunner.query(
      `ALTER TABLE "devices" ADD CONSTRAINT "uq_devices_id_tenant" UNIQUE ("id", "collectivite_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "reprises" ADD CONSTRAINT "fk_reprises_collectivite" FOREIGN KEY ("collectivite_id") REFERENCES "collectivites"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reprise_devices" ADD CONSTRAINT "fk_reprise_devices_reprise" FOREIGN KEY ("reprise_id", "collectivite_id") REFERENCES "reprises"("id","collectivite_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reprise_devices" ADD CONSTRAINT "fk_reprise_devices_device_taken_back" FOREIGN KEY ("device_id", "collectivite_id", "device_state") REFERENCES "devices"("id","collectivite_id","state") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repair_incidents" ADD CONSTRAINT "fk_repair_incidents_device" FOREIGN KEY ("device_id", "collectivite_id") REFERENCES "devices"("id","collectivite_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "device_retirements" ADD CONSTRAINT "fk_device_retirements_device" FOREIGN KEY ("device_id", "collectivite_id") REFERENCES "devices"("id","collectivite_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "device_retirements" ADD CONSTRAINT "fk_device_retirements_wipe_command" FOREIGN KEY ("wipe_command_id") REFERENCES "device_commands"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "device_models" ADD CONSTRAINT "fk_device_models_collectivite" FOREIGN KEY ("collectivite_id") REFERENCES "collectivites"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // The device state machine (libs/fleet/src/device-state-machine.ts) mirrored where the data lives:
    // a state change that is not one of these pairs is refused, whatever code path made it.
    await queryRunner.query(
      `CREATE TABLE "device_state_transitions" ("from_state" text NOT NULL, "to_state" text NOT NULL, "event" text NOT NULL, CONSTRAINT "pk_device_state_transitions" PRIMARY KEY ("from_state", "to_state"))`,
    );
    await queryRunner.query(`INSERT INTO "device_state_transitions" ("from_state", "to_state", "event") VALUES
      ('registered', 'enrolled', 'enroll'), ('enrolled', 'active', 'activate'), ('active', 'locked', 'lock'), ('locked', 'active', 'unlock'),
      ('registered', 'retiring', 'retire'), ('enrolled', 'retiring', 'retire'), ('active', 'retiring', 'retire'), ('locked', 'retiring', 'retire'),
      ('retiring', 'retired', 'completeRetirement'), ('retired', 'taken_back', 'takeBack')`);
    await queryRunner.query(`CREATE FUNCTION socle_check_device_transition() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM device_state_transitions WHERE from_state = OLD.state AND to_state = NEW.state) THEN
          RAISE EXCEPTION 'device % cannot go from % to %', OLD.id, OLD.state, NEW.state USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_devices_state_transition';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER devices_state_transition BEFORE UPDATE OF state ON "devices" FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION socle_check_device_transition()`,
    );

    // Audit entries are never edited nor deleted; only socle_purge_audit_entries (the audit-retention job)
    // may remove entries — the trigger checks that the DELETE runs inside it — and only those older than its cut-off.
    await queryRunner.query(`CREATE FUNCTION socle_guard_audit_entries() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        cutoff text := current_setting('socle.audit_purge_before', true);
        caller text;
      BEGIN
        IF TG_OP = 'DELETE' AND cutoff IS NOT NULL AND cutoff <> '' AND OLD.occurred_at < cutoff::timestamptz THEN
          GET DIAGNOSTICS caller = PG_CONTEXT;
          IF caller LIKE '%socle_purge_audit_entries(integer,integer) line %' THEN
            RETURN OLD;
          END IF;
        END IF;
        RAISE EXCEPTION 'audit entries are immutable: % refused', TG_OP USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_audit_entries_immutable';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_entries_immutable BEFORE UPDATE OR DELETE ON "audit_entries" FOR EACH ROW EXECUTE FUNCTION socle_guard_audit_entries()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "audit_entries" FOR EACH STATEMENT EXECUTE FUNCTION socle_refuse_change()`,
    );
    await queryRunner.query(`CREATE FUNCTION socle_purge_audit_entries(retention_days integer, batch_size integer DEFAULT 10000) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        cutoff timestamptz;
        deleted integer;
      BEGIN
        IF retention_days IS NULL OR retention_days < 1 THEN
          RAISE EXCEPTION 'audit retention must be at least one day' USING ERRCODE = 'invalid_parameter_value';
        END IF;
        cutoff := now() - make_interval(days => retention_days);
        PERFORM set_config('socle.audit_purge_before', cutoff::text, true);
        DELETE FROM audit_entries WHERE id IN (SELECT id FROM audit_entries WHERE occurred_at < cutoff ORDER BY occurred_at LIMIT batch_size);
        GET DIAGNOSTICS deleted = ROW_COUNT;
        PERFORM set_config('socle.audit_purge_before', '', true);
        RETURN deleted;
      END $$`);

    // A completed retirement is a wipe proof, and a reprise a signed slip: neither changes afterwards.
    await queryRunner.query(
      `CREATE TRIGGER device_retirements_final BEFORE UPDATE OR DELETE ON "device_retirements" FOR EACH ROW WHEN (OLD.completed_at IS NOT NULL) EXECUTE FUNCTION socle_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER reprises_final BEFORE UPDATE OR DELETE ON "reprises" FOR EACH ROW EXECUTE FUNCTION socle_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER reprise_devices_final BEFORE UPDATE OR DELETE ON "reprise_devices" FOR EACH ROW EXECUTE FUNCTION socle_refuse_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER reprise_devices_final ON "reprise_devices"`);
    await queryRunner.query(`DROP TRIGGER reprises_final ON "reprises"`);
    await queryRunner.query(`DROP TRIGGER device_retirements_final ON "device_retirements"`);
    await queryRunner.query(`DROP FUNCTION socle_purge_audit_entries(integer, integer)`);
    await queryRunner.query(`DROP TRIGGER audit_entries_no_truncate ON "audit_entries"`);
    await queryRunner.query(`DROP TRIGGER audit_entries_immutable ON "audit_entries"`);
    await queryRunner.query(`DROP FUNCTION socle_guard_audit_entries()`);
    await queryRunner.query(`DROP TRIGGER devices_state_transition ON "devices"`);
    await queryRunner.query(`DROP FUNCTION socle_check_device_transition()`);
    await queryRunner.query(`DROP TABLE "device_state_transitions"`);
    await queryRunner.query(`ALTER TABLE "device_models" DROP CONSTRAINT "fk_device_models_collectivite"`);
    await queryRunner.query(`ALTER TABLE "device_retirements" DROP CONSTRAINT "fk_device_retirements_wipe_command"`);
    await queryRunner.query(`ALTER TABLE "device_retirements" DROP CONSTRAINT "fk_device_retirements_device"`);
    await queryRunner.query(`ALTER TABLE "repair_incidents" DROP CONSTRAINT "fk_repair_incidents_device"`);
    await queryRunner.query(`ALTER TABLE "reprise_devices" DROP CONSTRAINT "fk_reprise_devices_device_taken_back"`);
    await queryRunner.query(`ALTER TABLE "reprise_devices" DROP CONSTRAINT "fk_reprise_devices_reprise"`);
    await queryRunner.query(`ALTER TABLE "reprises" DROP CONSTRAINT "fk_reprises_collectivite"`);
    await queryRunner.query(`ALTER TABLE "devices" DROP CONSTRAINT "uq_devices_id_tenant"`);
    await queryRunner.query(`ALTER TABLE "devices" DROP CONSTRAINT "uq_devices_id_tenant_state"`);
    await queryRunner.query(`ALTER TABLE "devices" DROP CONSTRAINT "chk_devices_funding_source"`);
    await queryRunner.query(`ALTER TABLE "devices" DROP CONSTRAINT "chk_devices_purchase_price"`);
    await queryRunner.query(`DROP INDEX "public"."uq_devices_tenant_inventory"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_entries_tenant_time"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_entries_actor_time"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_entries_time"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_entries_request"`);
    await queryRunner.query(`ALTER TABLE "devices" DROP COLUMN "take_back_terms"`);
    await queryRunner.query(`ALTER TABLE "devices" DROP COLUMN "maintenance_end"`);
    await queryRunner.query(`ALTER TABLE "devices" DROP COLUMN "order_reference"`);
    await queryRunner.query(`ALTER TABLE "devices" DROP COLUMN "purchase_price"`);
    await queryRunner.query(`ALTER TABLE "devices" DROP COLUMN "funding_source"`);
    await queryRunner.query(`ALTER TABLE "devices" DROP COLUMN "inventory_number"`);
    await queryRunner.query(`DROP TABLE "device_models"`);
    await queryRunner.query(`DROP INDEX "public"."uq_device_retirements_device"`);
    await queryRunner.query(`DROP INDEX "public"."uq_device_retirements_wipe_command"`);
    await queryRunner.query(`DROP TABLE "device_retirements"`);
    await queryRunner.query(`DROP INDEX "public"."idx_repair_incidents_device"`);
    await queryRunner.query(`DROP TABLE "repair_incidents"`);
    await queryRunner.query(`DROP INDEX "public"."idx_reprise_devices_reprise"`);
    await queryRunner.query(`DROP TABLE "reprise_devices"`);
    await queryRunner.query(`DROP TABLE "reprises"`);
    await queryRunner.query(
      `CREATE INDEX "idx_audit_entries_tenant_time" ON "audit_entries" ("collectivite_id", "occurred_at") `,
    );
  }
}
