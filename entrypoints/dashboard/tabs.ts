import type { ComponentType } from 'react';
import { HistoryTab } from './history';
import { LibraryTab } from './library';
import { QueueTab } from './queue';
import { TemplatesTab } from './templates';

/**
 * The dashboard's tabs, in order. Each part of the product adds one entry: a
 * container component (in this folder) that loads its own data with
 * `request()` and renders pure components from components/dashboard/.
 * The url hash (#/<id>) selects a tab, so other pages can link to one.
 */
export interface DashboardTab {
  id: string;
  titleKey: string;
  Component: ComponentType;
}

export const extraTabs: DashboardTab[] = [
  { id: 'history', titleKey: 'tabHistory', Component: HistoryTab },
  { id: 'queue', titleKey: 'tabQueue', Component: QueueTab },
  { id: 'templates', titleKey: 'tabTemplates', Component: TemplatesTab },
  { id: 'library', titleKey: 'tabLibrary', Component: LibraryTab },
];
