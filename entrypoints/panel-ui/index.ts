import { mountPanelUi } from '@/components/panel/PanelHost';
import { providePanelUi } from '@/lib/content/panel-ui';

/**
 * The panel's React UI, kept out of the content script every page loads. The
 * background injects it (CS_LOAD_PANEL_UI) into the content script's isolated
 * world the first time the panel is needed; see lib/content/panel-ui.ts.
 */
export default defineUnlistedScript(() => providePanelUi({ mount: mountPanelUi }));
