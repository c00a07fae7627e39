/**
 * What each state of a drawn machine does (its role) and the names people give such states: one
 * style of names per machine (identifiers, words with spaces, punctuation, other scripts).
 */
import fc from 'fast-check';
import type { Api } from '../../catalog/api.js';

/** What a state does in the shapes drawn here; its name comes from the machine's style. */
export type Role =
  | 'single'
  | 'train'
  | 'model'
  | 'config'
  | 'endpoint'
  | 'transform'
  | 'tune'
  | 'process'
  | 'evaluate'
  | 'update'
  | 'choose';

/** The roles a SageMaker task plays. */
export type TaskRole = Exclude<Role, 'single' | 'choose'>;

/** The API of the task that plays each role. */
export const ROLE_API: Readonly<Record<TaskRole, Api>> = {
  train: 'CreateTrainingJob',
  model: 'CreateModel',
  config: 'CreateEndpointConfig',
  endpoint: 'CreateEndpoint',
  transform: 'CreateTransformJob',
  tune: 'CreateHyperParameterTuningJob',
  process: 'CreateProcessingJob',
  evaluate: 'CreateProcessingJob',
  update: 'UpdateEndpoint',
};

/** The state names of one machine, by role. */
export type NameStyle = Readonly<Record<Role, string>>;

/**
 * State names as people write them: identifiers, words with spaces, punctuation, other scripts
 * (paths reach them in bracket notation). The states of one machine get names of one style.
 */
const NAME_STYLES: readonly NameStyle[] = [
  {
    single: 'Task',
    train: 'TrainingJob',
    model: 'Model',
    config: 'EndpointConfig',
    endpoint: 'Endpoint',
    transform: 'TransformJob',
    tune: 'TuningJob',
    process: 'ProcessingJob',
    evaluate: 'EvaluationJob',
    update: 'UpdateEndpoint',
    choose: 'EndpointExists',
  },
  {
    single: 'Train model',
    train: 'Train model',
    model: 'Save model',
    config: 'Create endpoint config',
    endpoint: 'Deploy endpoint',
    transform: 'Batch transform',
    tune: 'Tune hyperparameters',
    process: 'Preprocess data',
    evaluate: 'Evaluate model',
    update: 'Update endpoint',
    choose: 'Endpoint exists?',
  },
  {
    single: 'Step 1: train (v2)',
    train: 'Step 1: train (v2)',
    model: 'Step 2: model',
    config: 'Step 3: config',
    endpoint: 'Step 4: endpoint',
    transform: 'Step 3: score',
    tune: 'Step 1: tune (v2)',
    process: 'Step 0: prepare',
    evaluate: 'Step 2: evaluate',
    update: 'Step 4b: update',
    choose: 'Step 4a: exists?',
  },
  {
    single: 'Entraîner le modèle',
    train: 'Entraîner le modèle',
    model: 'Créer le modèle',
    config: 'Configurer',
    endpoint: 'Déployer',
    transform: 'Évaluer le lot',
    tune: 'Optimiser',
    process: 'Préparer les données',
    evaluate: 'Évaluer le modèle',
    update: 'Mettre à jour',
    choose: 'Le point existe ?',
  },
];

/** A machine's style of state names: mostly identifiers, now and then one of the others. */
export const nameStyleArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant(NAME_STYLES[0]!) },
  { weight: 1, arbitrary: fc.constantFrom(...NAME_STYLES.slice(1)) },
);

/** A workflow variable named after a state: letters, digits and underscores only. */
export const variableName = (state: string): string =>
  `${state.normalize('NFD').replace(/[^A-Za-z0-9_]/g, '')}Result`;
