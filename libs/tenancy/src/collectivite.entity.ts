import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const COLLECTIVITE_KINDS = ['commune', 'epci', 'departement', 'region'] as const;
export type CollectiviteKind = (typeof COLLECTIVITE_KINDS)[number];

/** The tenant: a town, an intercommunality, a département or a région that owns the fleet. */
@Entity('collectivites')
@Check('chk_collectivites_kind', `kind IN ('commune', 'epci', 'departement', 'region')`)
export class Collectivite {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: CollectiviteKind;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
