import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts that can be revoked (token version, signed-out tokens), reset links, the school-world roles, single sign-on settings. */
export class AccountsAndRoles1795720000000 implements MigrationInterface {
  name = 'AccountsAndRoles1795720000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "revoked_tokens" ("jti" uuid NOT NULL, "user_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b18aa48269f87cafba8c6310624" PRIMARY KEY ("jti"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_revoked_tokens_expiry" ON "revoked_tokens" ("expires_at") `);
    await queryRunner.query(
      `CREATE TABLE "password_resets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4816377aa98211c1de34469e742" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_password_resets_token" ON "password_resets" ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "collectivite_oidc" ("collectivite_id" uuid NOT NULL, "issuer" text NOT NULL, "client_id" text NOT NULL, "client_secret_sealed" text NOT NULL, "scopes" text array NOT NULL, "email_claim" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_44c8077a61893a4fb3b7fe50055" PRIMARY KEY ("collectivite_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "chk_users_role"`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "chk_users_role" CHECK (role IN ('platform_admin', 'collectivite_admin', 'technician', 'teacher', 'school_head', 'erun', 'reviewer'))`,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "display_name" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "deleted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(
      `ALTER TABLE "revoked_tokens" ADD CONSTRAINT "FK_483872b2fdc8f1ec750c9c7567c" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "password_resets" ADD CONSTRAINT "FK_f7a4c3bc48f24df007936d217be" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "collectivite_oidc" ADD CONSTRAINT "FK_44c8077a61893a4fb3b7fe50055" FOREIGN KEY ("collectivite_id") REFERENCES "collectivites"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "collectivite_oidc" DROP CONSTRAINT "FK_44c8077a61893a4fb3b7fe50055"`);
    await queryRunner.query(`ALTER TABLE "password_resets" DROP CONSTRAINT "FK_f7a4c3bc48f24df007936d217be"`);
    await queryRunner.query(`ALTER TABLE "revoked_tokens" DROP CONSTRAINT "FK_483872b2fdc8f1ec750c9c7567c"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "deleted_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "display_name"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "chk_users_role"`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "chk_users_role" CHECK (role IN ('platform_admin', 'collectivite_admin', 'technician', 'teacher'))`,
    );
    await queryRunner.query(`DROP TABLE "collectivite_oidc"`);
    await queryRunner.query(`DROP INDEX "public"."uq_password_resets_token"`);
    await queryRunner.query(`DROP TABLE "password_resets"`);
    await queryRunner.query(`DROP INDEX "public"."idx_revoked_tokens_expiry"`);
    await queryRunner.query(`DROP TABLE "revoked_tokens"`);
  }
}
