import { render } from 'preact';
import { Options } from './options';
import { THEME_STYLES } from '../components/finding-styles';
import { OPTIONS_STYLES } from './options-styles';

const style = document.createElement('style');
style.textContent = THEME_STYLES + OPTIONS_STYLES;
document.head.append(style);
render(<Options />, document.getElementById('app')!);
