import { render } from 'preact';
import { SidePanel } from './sidepanel';
import { FINDING_STYLES, THEME_STYLES } from '../components/finding-styles';
import { WORKBENCH_STYLES } from '../components/workbench-styles';
import { SIDEPANEL_STYLES } from './sidepanel-styles';

const style = document.createElement('style');
style.textContent = THEME_STYLES + FINDING_STYLES + WORKBENCH_STYLES + SIDEPANEL_STYLES;
document.head.append(style);

// In the browser's side panel it follows the active tab of its window; opened as a page (tests, screenshots)
// it can be pointed at a tab by URL and still follows tab switches from there.
const params = new URLSearchParams(location.search);
const forUrl = params.get('forUrl') ?? undefined;
render(<SidePanel forUrl={forUrl} />, document.getElementById('app')!);
