import { MigrationInterface, QueryRunner } from 'typeorm';

export class FilteringAndCompliance1795635136779 implements MigrationInterface {
  name = 'FilteringAndCompliance1795635136779';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "filtering_list_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "status" text NOT NULL DEFAULT 'importing', "active" boolean NOT NULL DEFAULT false, "source" text NOT NULL, "category_count" integer NOT NULL DEFAULT '0', "domain_count" integer NOT NULL DEFAULT '0', "url_count" integer NOT NULL DEFAULT '0', "skipped_lines" integer NOT NULL DEFAULT '0', "progress_lines" bigint NOT NULL DEFAULT '0', "error" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, "activated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_filtering_list_versions_active_ready" CHECK (NOT active OR status = 'ready'), CONSTRAINT "chk_filtering_list_versions_status" CHECK (status IN ('importing', 'ready', 'failed')), CONSTRAINT "PK_cb8324d17a3924bc33a5b456d23" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_filtering_list_versions_active" ON "filtering_list_versions" ("active") WHERE active`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_filtering_list_versions_version" ON "filtering_list_versions" ("version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "filtering_list_categories" ("version_id" uuid NOT NULL, "id" smallint NOT NULL, "name" text NOT NULL, "domain_count" integer NOT NULL DEFAULT '0', "url_count" integer NOT NULL DEFAULT '0', CONSTRAINT "uq_filtering_list_categories_name" UNIQUE ("version_id", "name"), CONSTRAINT "PK_6775050d91658d48041eef1cfd4" PRIMARY KEY ("version_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "filtering_list_entries" ("id" BIGSERIAL NOT NULL, "version_id" uuid NOT NULL, "category_id" smallint NOT NULL, "kind" text NOT NULL, "value" text NOT NULL, CONSTRAINT "chk_filtering_list_entries_kind" CHECK (kind IN ('domain', 'url')), CONSTRAINT "PK_7f126802e62b697d29492a25e98" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_filtering_list_entries_category" ON "filtering_list_entries" ("version_id", "category_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "filtering_policies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collectivite_id" uuid NOT NULL, "name" text NOT NULL, "blocked_categories" text array NOT NULL DEFAULT '{}', "allowed_categories" text array NOT NULL DEFAULT '{}', "mandatory_categories" text array NOT NULL DEFAULT '{}', "denied_domains" text array NOT NULL DEFAULT '{}', "allowed_domains" text array NOT NULL DEFAULT '{}', "allow_list_only" boolean, "safe_search" jsonb NOT NULL DEFAULT '{}', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_filtering_policies_id_tenant" UNIQUE ("id", "collectivite_id"), CONSTRAINT "uq_filtering_policies_name" UNIQUE ("collectivite_id", "name"), CONSTRAINT "chk_filtering_policies_safe_search" CHECK (jsonb_typeof(safe_search) = 'object'), CONSTRAINT "chk_filtering_policies_domains" CHECK (NOT (allowed_domains && denied_domains)), CONSTRAINT "chk_filtering_policies_categories" CHECK (NOT (allowed_categories && blocked_categories) AND NOT (allowed_categories && mandatory_categories)), CONSTRAINT "PK_effbc427c6bbeaa23a9e736bc60" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "filtering_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "policy_id" uuid NOT NULL, "collectivite_id" uuid NOT NULL, "scope" text NOT NULL, "target_id" uuid NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_filtering_assignments_scope" CHECK (scope IN ('collectivite', 'school', 'pack')), CONSTRAINT "PK_811936ea22f5b6fab0a5bc457b0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_filtering_assignments_policy" ON "filtering_assignments" ("policy_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_filtering_assignments_target" ON "filtering_assignments" ("scope", "target_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "device_filtering" ("device_id" uuid NOT NULL, "revision" text NOT NULL, "installed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a25f4d89e85abc75a46518a66a1" PRIMARY KEY ("device_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "compliance_rules" ("collectivite_id" uuid NOT NULL, "min_os_versions" jsonb NOT NULL DEFAULT '{}', "max_days_without_checkin" integer, "min_battery_health" smallint, "required_profile_ids" uuid array NOT NULL DEFAULT '{}', "require_filtering" boolean NOT NULL DEFAULT false, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_compliance_rules_battery" CHECK (min_battery_health IS NULL OR min_battery_health BETWEEN 0 AND 100), CONSTRAINT "chk_compliance_rules_checkin_days" CHECK (max_days_without_checkin IS NULL OR max_days_without_checkin BETWEEN 1 AND 3650), CONSTRAINT "PK_b84228402608f9ce6a6d26a64dc" PRIMARY KEY ("collectivite_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "device_compliance" ("device_id" uuid NOT NULL, "collectivite_id" uuid NOT NULL, "compliant" boolean NOT NULL, "reasons" jsonb NOT NULL DEFAULT '[]', "evaluated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_26136635e65a7471b14ad5ff623" PRIMARY KEY ("device_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_device_compliance_tenant" ON "device_compliance" ("collectivite_id", "compliant") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_device_commands_open_filtering" ON "device_commands" ("device_id") WHERE status IN ('pending', 'delivered') AND type IN ('install_filtering', 'remove_filtering')`,
    );
    await queryRunner.query(
      `ALTER TABLE "filtering_list_categories" ADD CONSTRAINT "fk_filtering_list_categories_version" FOREIGN KEY ("version_id") REFERENCES "filtering_list_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "filtering_list_entries" ADD CONSTRAINT "fk_filtering_list_entries_category" FOREIGN KEY ("version_id", "category_id") REFERENCES "filtering_list_categories"("version_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "filtering_policies" ADD CONSTRAINT "fk_filtering_policies_collectivite" FOREIGN KEY ("collectivite_id") REFERENCES "collectivites"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "filtering_assignments" ADD CONSTRAINT "fk_filtering_assignments_policy" FOREIGN KEY ("policy_id", "collectivite_id") REFERENCES "filtering_policies"("id","collectivite_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "device_filtering" ADD CONSTRAINT "fk_device_filtering_device" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "compliance_rules" ADD CONSTRAINT "fk_compliance_rules_collectivite" FOREIGN KEY ("collectivite_id") REFERENCES "collectivites"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "device_compliance" ADD CONSTRAINT "fk_device_compliance_device" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "device_compliance" DROP CONSTRAINT "fk_device_compliance_device"`);
    await queryRunner.query(`ALTER TABLE "compliance_rules" DROP CONSTRAINT "fk_compliance_rules_collectivite"`);
    await queryRunner.query(`ALTER TABLE "device_filtering" DROP CONSTRAINT "fk_device_filtering_device"`);
    await queryRunner.query(`ALTER TABLE "filtering_assignments" DROP CONSTRAINT "fk_filtering_assignments_policy"`);
    await queryRunner.query(`ALTER TABLE "filtering_policies" DROP CONSTRAINT "fk_filtering_policies_collectivite"`);
    await queryRunner.query(
      `ALTER TABLE "filtering_list_entries" DROP CONSTRAINT "fk_filtering_list_entries_category"`,
    );
    await queryRunner.query(
      `ALTER TABLE "filtering_list_categories" DROP CONSTRAINT "fk_filtering_list_categories_version"`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_device_commands_open_filtering"`);
    await queryRunner.query(`DROP INDEX "public"."idx_device_compliance_tenant"`);
    await queryRunner.query(`DROP TABLE "device_compliance"`);
    await queryRunner.query(`DROP TABLE "compliance_rules"`);
    await queryRunner.query(`DROP TABLE "device_filtering"`);
    await queryRunner.query(`DROP INDEX "public"."uq_filtering_assignments_target"`);
    await queryRunner.query(`DROP INDEX "public"."idx_filtering_assignments_policy"`);
    await queryRunner.query(`DROP TABLE "filtering_assignments"`);
    await queryRunner.query(`DROP TABLE "filtering_policies"`);
    await queryRunner.query(`DROP INDEX "public"."idx_filtering_list_entries_category"`);
    await queryRunner.query(`DROP TABLE "filtering_list_entries"`);
    await queryRunner.query(`DROP TABLE "filtering_list_categories"`);
    await queryRunner.query(`DROP INDEX "public"."uq_filtering_list_versions_version"`);
    await queryRunner.query(`DROP INDEX "public"."uq_filtering_list_versions_active"`);
    await queryRunner.query(`DROP TABLE "filtering_list_versions"`);
  }
}
