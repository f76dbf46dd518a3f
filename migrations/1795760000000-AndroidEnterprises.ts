import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each collectivité's Android enterprise (Google's enterprises/…), and the signup under way before it exists. */
export class AndroidEnterprises1795760000000 implements MigrationInterface {
  name = 'AndroidEnterprises1795760000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "android_enterprises" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collectivite_id" uuid NOT NULL, "enterprise_name" text, "display_name" text, "bound_via" text, "bound_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "signup_url_name" text, "signup_state_hash" bytea, "signup_expires_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_android_enterprises_signup_state" UNIQUE ("signup_state_hash"), CONSTRAINT "uq_android_enterprises_enterprise_name" UNIQUE ("enterprise_name"), CONSTRAINT "uq_android_enterprises_collectivite" UNIQUE ("collectivite_id"), CONSTRAINT "chk_android_enterprises_name" CHECK (enterprise_name IS NULL OR enterprise_name ~ '^enterprises/[A-Za-z0-9_-]+$'), CONSTRAINT "chk_android_enterprises_bound_via" CHECK (bound_via IS NULL OR bound_via IN ('signup', 'attached')), CONSTRAINT "chk_android_enterprises_bound_or_pending" CHECK ((enterprise_name IS NOT NULL AND bound_via IS NOT NULL AND bound_at IS NOT NULL) OR (enterprise_name IS NULL AND signup_url_name IS NOT NULL AND signup_state_hash IS NOT NULL AND signup_expires_at IS NOT NULL)), CONSTRAINT "PK_19fa278e8ba4481e489e2e4e318" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "android_enterprises" ADD CONSTRAINT "fk_android_enterprises_collectivite" FOREIGN KEY ("collectivite_id") REFERENCES "collectivites"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "android_enterprises" DROP CONSTRAINT "fk_android_enterprises_collectivite"`);
    await queryRunner.query(`DROP TABLE "android_enterprises"`);
  }
}
