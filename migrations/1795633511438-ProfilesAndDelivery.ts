import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProfilesAndDelivery1795633511438 implements MigrationInterface {
  name = 'ProfilesAndDelivery1795633511438';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "profiles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collectivite_id" uuid NOT NULL, "name" text NOT NULL, "latest_version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8e520eb4da7dc01d0e190447c8e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_profiles_name" ON "profiles" ("collectivite_id", "name") `);
    await queryRunner.query(
      `CREATE TABLE "profile_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "profile_id" uuid NOT NULL, "version" integer NOT NULL, "app_ids" uuid array NOT NULL DEFAULT '{}', "resources" jsonb NOT NULL, "wifi" jsonb NOT NULL, "restrictions" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_profile_versions" UNIQUE ("profile_id", "version"), CONSTRAINT "PK_da087caf4a4a79a6dd12111f549" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "profile_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "profile_id" uuid NOT NULL, "collectivite_id" uuid NOT NULL, "scope" text NOT NULL, "target_id" uuid NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_profile_assignments_scope" CHECK (scope IN ('collectivite', 'school', 'pack')), CONSTRAINT "PK_442667844f448de2212d024384d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_profile_assignments_target" ON "profile_assignments" ("scope", "target_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_profile_assignments" ON "profile_assignments" ("profile_id", "scope", "target_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "platform_instance" ("singleton" boolean NOT NULL DEFAULT true, "id" uuid NOT NULL DEFAULT gen_random_uuid(), CONSTRAINT "PK_8aa1ac26eea0d0599ff17031b37" PRIMARY KEY ("singleton"))`,
    );
    // Its id goes into BullMQ job ids: a reset database never collides with jobs Redis still remembers.
    await queryRunner.query(`INSERT INTO "platform_instance" DEFAULT VALUES`);
    await queryRunner.query(
      `CREATE TABLE "installed_profiles" ("device_id" uuid NOT NULL, "profile_id" uuid NOT NULL, "version" integer NOT NULL, "variant" text NOT NULL DEFAULT '', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c4536b18ff4fdd7c86acb94c511" PRIMARY KEY ("device_id", "profile_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "device_commands" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collectivite_id" uuid NOT NULL, "device_id" uuid NOT NULL, "type" text NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'pending', "profile_id" uuid, "profile_version" integer, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_device_commands_status" CHECK (status IN ('pending', 'delivered', 'acknowledged', 'failed', 'superseded')), CONSTRAINT "PK_08a3f976a83bbf1754fbf4088c7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_device_commands_open" ON "device_commands" ("next_attempt_at") WHERE status IN ('pending', 'delivered')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_device_commands_open_profile" ON "device_commands" ("device_id", "profile_id") WHERE status IN ('pending', 'delivered') AND profile_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_device_commands_profile" ON "device_commands" ("profile_id", "device_id") WHERE profile_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_device_commands_device_open" ON "device_commands" ("device_id", "created_at") WHERE status IN ('pending', 'delivered')`,
    );
    await queryRunner.query(
      `CREATE TABLE "catalog_apps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collectivite_id" uuid NOT NULL, "name" text NOT NULL, "platform" text NOT NULL, "identifier" text NOT NULL, "category" text NOT NULL, "managed_configuration" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_catalog_apps_category" CHECK (category IN ('office_suite', 'spell_checker', 'book_creator', 'audio_video', 'image', 'subject_software', 'resource', 'other')), CONSTRAINT "chk_catalog_apps_platform" CHECK (platform IN ('ipados', 'android', 'windows', 'chromeos', 'linux')), CONSTRAINT "PK_cd5480be0e31e9cb0a20856c9f3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_catalog_apps_identifier" ON "catalog_apps" ("collectivite_id", "platform", "identifier") `,
    );
    await queryRunner.query(
      `ALTER TABLE "profile_versions" ADD CONSTRAINT "FK_972acc6a6ba3c05820e105ff9df" FOREIGN KEY ("profile_id") REFERENCES "profiles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "profile_assignments" ADD CONSTRAINT "FK_9ab7bd13b69fd2cba36fe321428" FOREIGN KEY ("profile_id") REFERENCES "profiles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "installed_profiles" ADD CONSTRAINT "fk_installed_profiles_device" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "device_commands" ADD CONSTRAINT "fk_device_commands_device" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // A version is what devices hold: changing one in place would make two devices disagree on "version n".
    await queryRunner.query(
      `CREATE FUNCTION socle_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '% is immutable', TG_TABLE_NAME USING ERRCODE = 'check_violation'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER profile_versions_immutable BEFORE UPDATE ON "profile_versions" FOR EACH ROW EXECUTE FUNCTION socle_refuse_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER profile_versions_immutable ON "profile_versions"`);
    await queryRunner.query(`DROP FUNCTION socle_refuse_change()`);
    await queryRunner.query(`ALTER TABLE "device_commands" DROP CONSTRAINT "fk_device_commands_device"`);
    await queryRunner.query(`ALTER TABLE "installed_profiles" DROP CONSTRAINT "fk_installed_profiles_device"`);
    await queryRunner.query(`ALTER TABLE "profile_assignments" DROP CONSTRAINT "FK_9ab7bd13b69fd2cba36fe321428"`);
    await queryRunner.query(`ALTER TABLE "profile_versions" DROP CONSTRAINT "FK_972acc6a6ba3c05820e105ff9df"`);
    await queryRunner.query(`DROP INDEX "public"."uq_catalog_apps_identifier"`);
    await queryRunner.query(`DROP TABLE "catalog_apps"`);
    await queryRunner.query(`DROP INDEX "public"."idx_device_commands_device_open"`);
    await queryRunner.query(`DROP INDEX "public"."idx_device_commands_profile"`);
    await queryRunner.query(`DROP INDEX "public"."uq_device_commands_open_profile"`);
    await queryRunner.query(`DROP INDEX "public"."idx_device_commands_open"`);
    await queryRunner.query(`DROP TABLE "device_commands"`);
    await queryRunner.query(`DROP TABLE "installed_profiles"`);
    await queryRunner.query(`DROP TABLE "platform_instance"`);
    await queryRunner.query(`DROP INDEX "public"."uq_profile_assignments"`);
    await queryRunner.query(`DROP INDEX "public"."idx_profile_assignments_target"`);
    await queryRunner.query(`DROP TABLE "profile_assignments"`);
    await queryRunner.query(`DROP TABLE "profile_versions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_profiles_name"`);
    await queryRunner.query(`DROP TABLE "profiles"`);
  }
}
