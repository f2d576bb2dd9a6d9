import { mountApp } from '../../shared/mount-app';
import { BuildModal } from './build-modal';

mountApp(<BuildModal />);
