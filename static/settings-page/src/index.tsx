import { mountApp } from '../../shared/mount-app';
import { SettingsPage } from './settings-page';

mountApp(<SettingsPage />);
