import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from the .NET world's public threads (ASP.NET Core SignalR, Blazor, MAUI and Xamarin,
 * Orleans, gRPC for .NET, YARP, the Azure SDKs, Avalonia and WPF, Unity and Godot networking), labelled from the
 * seed's rules and the wizard alone, with the words that settle each question (`settles`). It settles the payload
 * question often, in varied words, and has at least eight rows of each 'neither' kind.
 * Its search budget ran out early: about twenty rows cite pages linked from the threads it read (a Twilio post, a
 * Stack Overflow question, docs pages) rather than pages it read itself, and their texts follow those pages' topics.
 */
describePool({
  name: 'the forty-sixth training pool',
  dir: here,
  idLetter: 'p46-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool46'),
});
