// The page upgrades the database; the service worker never does (src/db/db.ts). Imported first by
// src/main.tsx, before any module can open the database. The steps load only when needed.
import { ownUpgrades } from './db';

ownUpgrades(() => import('./upgrades'));
