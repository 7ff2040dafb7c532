import { checkDocumentedAnswers } from './documented-answers';

checkDocumentedAnswers();
