import { mountApp } from '../../shared/mount-app';
import { BuildResultsApp } from './build-results-app';

mountApp(<BuildResultsApp />);
