// A text original beside what was read: both panels brought to the finding's figure.
import { centre } from './compare.js';

centre(document.getElementById('text-source'), document.querySelector('#text-source .focus'));
centre(document.querySelector('.as-read'), document.querySelector('.as-read td.chosen') ?? document.querySelector('.as-read td.marked'));
