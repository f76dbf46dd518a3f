import { useQuery } from '@tanstack/react-query';
import { apiGet, Page, query } from './api';

export interface School {
  id: string;
  uai: string;
  name: string;
  classCount: number;
  bandwidthMbps: number | null;
}
export interface Classroom {
  id: string;
  schoolId: string;
  name: string;
  level: string;
}
export interface Device {
  id: string;
  serialNumber: string;
  model: string | null;
  osFamily: string;
  osVersion: string | null;
  deviceKind: string;
  state: string;
  packId: string | null;
  positionInPack: number | null;
  lastCheckinAt: string | null;
  batteryLevel: number | null;
  batteryCharging: boolean | null;
  batteryHealth: number | null;
  storageFreeBytes: number | null;
  storageTotalBytes: number | null;
  warrantyEnd: string | null;
  purchaseDate: string | null;
  supplier: string | null;
  maintenanceMode: string | null;
  inventoryNumber?: string | null;
  compliance?: { compliant: boolean } | null;
}
export interface Pack {
  id: string;
  schoolId: string;
  name: string;
  deviceKind: string;
  osFamily: string;
  capacity: number;
  enrolledCount?: number;
  devices?: Device[];
}
export interface Session {
  id: string;
  packId: string;
  classroomId: string;
  schoolId: string;
  teacherId: string;
  mine: boolean;
  startsAt: string;
  endsAt: string;
  status: 'scheduled' | 'active' | 'ended' | 'cancelled';
  startedAt: string | null;
  endedAt: string | null;
  screensLocked: boolean;
  allowedDomains: string[];
}

const ALL = 500;

export const useSchools = () =>
  useQuery({
    queryKey: ['schools'],
    queryFn: ({ signal }) => apiGet<Page<School>>(`/schools${query({ limit: ALL })}`, signal),
  });

export const usePacks = (schoolId?: string) =>
  useQuery({
    queryKey: ['packs', schoolId ?? 'all'],
    queryFn: ({ signal }) => apiGet<Page<Pack>>(`/packs${query({ schoolId, limit: ALL })}`, signal),
  });

export const usePack = (packId: string | undefined) =>
  useQuery({
    queryKey: ['pack', packId],
    enabled: !!packId,
    queryFn: ({ signal }) => apiGet<Pack>(`/packs/${packId}`, signal),
  });

export const useClassrooms = (schoolId: string | undefined) =>
  useQuery({
    queryKey: ['classrooms', schoolId],
    enabled: !!schoolId,
    queryFn: async ({ signal }) => (await apiGet<Page<Classroom>>(`/schools/${schoolId}/classrooms`, signal)).items,
  });

export const useSessions = (params: { packId?: string; from?: string; to?: string }) =>
  useQuery({
    queryKey: ['sessions', params],
    queryFn: ({ signal }) => apiGet<Page<Session>>(`/sessions${query({ ...params, limit: ALL })}`, signal),
  });

export const byId = <T extends { id: string }>(items: T[] | undefined) =>
  new Map((items ?? []).map((item) => [item.id, item]));
