import { render } from 'preact';
import { Popup } from './popup';
import { FINDING_STYLES, THEME_STYLES } from '../components/finding-styles';
import { READ_STYLES } from '../components/read-summary-styles';
import { POPUP_STYLES } from './popup-styles';
import { WORKBENCH_STYLES } from '../components/workbench-styles';

const style = document.createElement('style');
style.textContent = THEME_STYLES + FINDING_STYLES + READ_STYLES + WORKBENCH_STYLES + POPUP_STYLES;
document.head.append(style);

// From the toolbar the popup serves the active tab; opened as a page (tests, demo) it is told which tab by URL.
const forUrl = new URLSearchParams(location.search).get('forUrl') ?? undefined;
render(<Popup forUrl={forUrl} />, document.getElementById('app')!);
