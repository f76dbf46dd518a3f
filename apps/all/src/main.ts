import 'reflect-metadata';
import { startApps } from './start-apps';

void startApps(['api', 'gateway', 'worker']);
