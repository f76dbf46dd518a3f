import 'reflect-metadata';
import { startApps } from '../../all/src/start-apps';

void startApps(['api']);
