import { SelectField } from './fields';
import { usePacks, useSchools } from '../lib/queries';
import { t } from '../i18n/i18n';

/** The collectivité's schools as a required select (new pack, new cart). */
export function SchoolSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
}) {
  const schools = useSchools();
  return (
    <SelectField
      label={label}
      name="schoolId"
      required
      value={value}
      placeholder={t('common.choose')}
      onChange={onChange}
      options={(schools.data?.items ?? []).map((school) => ({ value: school.id, label: school.name }))}
    />
  );
}

/** Where a profile or a filtering policy goes: a school or a pack, as `schoolId:…` / `packId:…`. */
export function TargetSelect({ value, onChange }: { value: string; onChange(value: string): void }) {
  const schools = useSchools();
  const packs = usePacks();
  const targets = [
    ...(schools.data?.items ?? []).map((school) => ({
      value: `schoolId:${school.id}`,
      label: t('technician.profile.targetSchool', { name: school.name }),
    })),
    ...(packs.data?.items ?? []).map((pack) => ({
      value: `packId:${pack.id}`,
      label: t('technician.profile.targetPack', { name: pack.name }),
    })),
  ];
  return (
    <SelectField
      label={t('technician.profile.target')}
      name="target"
      value={value}
      placeholder={t('common.choose')}
      onChange={onChange}
      options={targets}
    />
  );
}

/** `schoolId:…` → `{ schoolId: … }`, the assignment body of profiles and filtering policies. */
export function targetBody(target: string): Record<string, string> {
  const [kind, id] = target.split(':');
  return { [kind]: id };
}
