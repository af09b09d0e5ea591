// Diagnosis on logs the catalog was not written from (fixtures/unseen, see its README): real
// excerpts from public threads, split by thread into a part the signatures were written against
// (train) and a frozen part that no signature was tuned on (test). The test part's number is the
// one reported; per form group too.
import { describe, expect, it, beforeAll } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './support/analyze-text.js';
import { diagnoseText } from './support/classify.js';

interface Case {
  id: string;
  source: string;
  form: string;
  group: string;
  category: string;
  excerpt: string;
}

const DIR = join(FIXTURES, 'unseen');
// The frozen parts: a changed file fails here, so a test part is never edited to fit the rules.
const FROZEN: Record<string, string> = {
  'test-1.jsonl': '534fa7019daaddecd366315da5d268d01c3bf91f47e9c089a2003405f2108df5',
  'test-2.jsonl': '7441c88c32856b7783be49e641479f5438d985889d0a420ab3bf71a4711f2ff6',
  'test-3.jsonl': '78e5f0876de8f40afa1818f7bb92d6c6afef3fcd06f0fa3a607aee467fe173c6',
  'test-4.jsonl': '8a56ab63f9afe3748a414bcb32cd4edf8a14218173a54860246b0bbb83e8d9d6',
  'test-5.jsonl': '16268ae5afc473f9ac56256e6d7ce80a654047c12e9537815132740fb188bf2d',
  'test-6.jsonl': '281e450322f4b05bffabfb585371733af90bd9b10f79ee8697b7621771eac95d',
  'test-7.jsonl': 'e317e322cdd03c2ae8abe355f1f697c0db636cb2861c128a17444e55337190e1',
  'test-8.jsonl': '4efa50377bcf0b901699a65aeb40fc0fb7ea452b896f62aa0c08f3c53fe9c4fd',
  // Batch 9 is a holdout: no train-9 exists, every excerpt is frozen test (see the corpus README).
  'test-9.jsonl': 'be3b795d8082e0f379abafb6b477a514dd5e538f2adfe5d07d6dcdd27d4ea25d',
  // Batch 10 is a holdout like batch 9, collected while train excerpts were collected elsewhere (see the corpus README).
  'test-10.jsonl': 'bc9a2546f5043fbfe2bb4b83b23483638f13b5f77d6798e81602eea0e5f5508e',
  // Batch 13 is a holdout like batches 9-10, collected while train excerpts were collected and rules written elsewhere (see the corpus README).
  'test-13.jsonl': '46af925b52e96b0a9dcd0cc786dcd4f12d4ee7eff492d7ee5fe756fffd09574a',
  // Batch 16 is a holdout like batches 9, 10 and 13, collected while excerpts were collected elsewhere (see the corpus README).
  'test-16.jsonl': 'c0cff449b97dae9b8f1425678f1d0d67294c9b071f8ad9d2123ce81e56bb24eb',
  // Batch 20 is a holdout like batches 9, 10, 13 and 16, collected by someone who writes no rules (see the corpus README).
  'test-20.jsonl': '0c871fff70834718ca8190584c4477b87c5a926f5d54c1a5fa575b7ad12b76fd',
  // Batch 22 is a holdout like batches 9, 10, 13, 16 and 20, collected by someone who writes no rules (see the corpus README).
  'test-22.jsonl': '1b526f8d76a107e32e138b2644ee0a4ec805c232cbba7219079465a3c77d7c0e',
  // Batch 24 is a holdout like batches 9, 10, 13, 16, 20 and 22, collected by someone who writes no rules (see the corpus README).
  'test-24.jsonl': '5b93406bc76e13c822b31c35b65d1cc1c716c1350b46c34220a9b6ddfd9f76a1',
  // Batch 26 is a holdout like batches 9, 10, 13, 16, 20, 22 and 24, collected by someone who writes no rules (see the corpus README).
  'test-26.jsonl': '2160512f41965478fcf076f299f3b9a0e747c1b560c41a74d1fb862ff32c49f0',
  // Batch 28 is a holdout like batches 9, 10, 13, 16, 20, 22, 24 and 26, collected by someone who writes no rules (see the corpus README).
  'test-28.jsonl': 'efb4d7272884309e4354d65c6d5b21cf54aa601a8e299a84d230fd45f326fef6',
  // Batch 30 is a holdout like batches 9, 10, 13, 16, 20, 22, 24, 26 and 28, collected by someone who writes no rules (see the corpus README).
  'test-30.jsonl': '2b0f91083e12a455ca23a388227b5e00a21765dc24d8b1cb4d8bdf6acd049608',
  // Batch 34 is a holdout like batches 9, 10, 13, 16, 20, 22, 24, 26, 28 and 30, collected by someone who writes no rules (see the corpus README).
  'test-34.jsonl': '5cc02a0bdbbdf7b4dd6b7337c4878d2b77b7a2f2ea68fb1143329e11c642b547',
  // Batch 37 is a holdout like batches 9, 10, 13, 16, 20, 22, 24, 26, 28, 30 and 34, collected by someone who writes no rules (see the corpus README).
  'test-37.jsonl': '76c715bfe985e6d134e89535e696fe0d3de89db15708548cb9180df5e624b587',
  // Batch 39 is a holdout like batches 9, 10, 13, 16, 20, 22, 24, 26, 28, 30, 34 and 37, collected by someone who writes no rules (see the corpus README).
  'test-39.jsonl': 'ca0b10ee387592a94f9b030ffac0777b079152c3abde794a647509eb142b71e5',
  // Batch 41 is a holdout like batches 9, 10, 13, 16, 20, 22, 24, 26, 28, 30, 34, 37 and 39, collected by someone who writes no rules (see the corpus README).
  'test-41.jsonl': 'b9afe4408373c25c0b39c423f7bee5b88c2e54dd7ab43942d14e0e59e94230df',
  // Batch 44 is a holdout like batches 9 to 41 before it, collected by someone who writes no rules (see the corpus README).
  'test-44.jsonl': 'd96fcf29d145395673eb815b97b1edd439a6990791164170f77af5ccf6e2b82c',
  // Batch 46 is a holdout like batches 9 to 44 before it, collected by someone who writes no rules (see the corpus README).
  'test-46.jsonl': 'a8e245c5a731032d8af81bbb3f9b9bd8893101e2b4e97169736e68210bc61e2d',
  // Batch 48 is a holdout like batches 9 to 46 before it, collected by someone who writes no rules (see the corpus README).
  'test-48.jsonl': '4094209e7fdc516c756e80c910c0a281ff8e04c69db252e2a04aed1cb8a6b469',
  // Batch 50 is a holdout like batches 9 to 48 before it, collected by someone who writes no rules (see the corpus README).
  'test-50.jsonl': '39c27c96552bce68ea8a3e70e854cfffc603ed7e471387d05506d87e33405265',
  // Batch 52 is a holdout like batches 9 to 50 before it, collected by someone who writes no rules (see the corpus README).
  'test-52.jsonl': '6b5e3fc86233bdafefccf7f6e11ad33be52f4fdeb6f19a5ea2d8f1f84623171a',
  // Batch 54 is a holdout like batches 9 to 52 before it, collected by someone who writes no rules (see the corpus README).
  'test-54.jsonl': '3d82e88aecd28946ac0642a813d449e69e91a3b0c52333603a42431515f7fb85',
  // Batch 56 is a holdout like batches 9 to 54 before it, collected by someone who writes no rules (see the corpus README).
  'test-56.jsonl': '7234f84e49fc74f354123b344c2c6759409e04f84159d99832135c08c09a237a',
  // Batch 58 is a holdout like batches 9 to 56 before it, collected by someone who writes no rules (see the corpus README).
  'test-58.jsonl': 'ff58ab7aa4aa449a223f5000d899deac2e07e3103ed7add42d2b69e14efe58b3',
  // Batch 60 is a holdout like batches 9 to 58 before it, collected by someone who writes no rules (see the corpus README).
  'test-60.jsonl': 'eb3448a2d6d052b86b05499cb9e42cc2d15b86bef881da5b815c5d71964d2793',
  // Batch 62 is a holdout like batches 9 to 60 before it, collected by someone who writes no rules (see the corpus README).
  'test-62.jsonl': 'a3dd94aea7bd80ae9efd5adf6a3aa041a62e0f37567b7b0b62bae5183e2bc379',
  // Batch 64 is a holdout like batches 9 to 62 before it, collected by someone who writes no rules (see the corpus README).
  'test-64.jsonl': '1c9f65eb43a74ed213b80d5f670a357dd7bda9fe993227371a6c5a9f81e15225',
  // Batch 66 is a holdout like batches 9 to 64 before it, collected by someone who writes no rules (see the corpus README).
  'test-66.jsonl': 'e243e8c66fa1e730f689fabe4a5cbd211da574c07b50c41de0e858df59eb531b',
  // Batch 68 is a holdout like batches 9 to 66 before it, collected by someone who writes no rules (see the corpus README).
  'test-68.jsonl': '49e406b1a6853e902fccf690adec49ce110b9114d32d257662007ef685414e46',
  // Batch 70 is a holdout like batches 9 to 68 before it, collected by someone who writes no rules (see the corpus README).
  'test-70.jsonl': 'c6e7872a0f96019e27102ac048f1b653939fbdc29d7dab338b94756b58873f35',
  // Batch 72 is a holdout like batches 9 to 70 before it, collected by someone who writes no rules (see the corpus README).
  'test-72.jsonl': 'a4415ef2ad5c59f5e702dbc07af29485e99a893ae2409741dd0c7638007b7a9e',
  // Batch 74 is a holdout like batches 9 to 72 before it, collected by someone who writes no rules (see the corpus README).
  'test-74.jsonl': 'cbdc31b0521c0686e96d35f18bc4d8fcda23b79125b0a46e2c89d2b16f8aa447',
  // Batch 76 is a holdout like batches 9 to 74 before it, collected by someone who writes no rules (see the corpus README).
  'test-76.jsonl': '3ddb14c6116e69db0990b6d636406b20443321e3cb5221504cf8e15072eb7e09',
  // Batch 78 is a holdout like batches 9 to 76 before it, collected by someone who writes no rules (see the corpus README).
  'test-78.jsonl': '69830f2082c58151639c04b2a1779da3d75e9d15a658236dfc208846de458397',
  // Batch 80 is a holdout like batches 9 to 78 before it, collected by someone who writes no rules (see the corpus README).
  'test-80.jsonl': '038245603579b5b5f5007d5580877f237ef6775a724bb55bc2701781d88a4e37',
  // Batch 82 is a holdout like batches 9 to 80 before it, collected by someone who writes no rules (see the corpus README).
  'test-82.jsonl': 'f1b556b04c6015b414354f2913a5020222d75061e63b2de53223ee18de78dbcd',
  // Batches 84, 86 and 88 are holdouts like batches 9 to 82 before them, collected by someone who writes no rules (see the corpus README).
  'test-84.jsonl': 'ba938efe93c254204fbee0ef51634839e0eabc3ef1006c238ece6f6d2f699fc3',
  'test-86.jsonl': 'c4f19bf2cddbe1144b016b80ec8a3992b95b28d949bac46c526ca743320adbc7',
  'test-88.jsonl': '5ef11b8cf8def61ad55ac9d82e1a0a32e0d51c01e40a2aba1f83d0825a1ca43b',
  // Batches 90, 92 and 94 are holdouts like batches 9 to 88 before them, collected by someone who writes no rules (see the corpus README).
  'test-90.jsonl': '5ca0b834269420743eeb92a796f51ee6da8ad9afd3a3b0da22625f5e08e65705',
  'test-92.jsonl': '84a8014c1b1c252b4aef5b41f0a4a0db8e3b40418ced6feabdfdf07d3ee61ec5',
  'test-94.jsonl': '6f5d33869327d1881cd159a28463dc52cc65b5b4f41a34ea1b56d43383064a44',
  // Batches 96, 98 and 100 are holdouts like batches 9 to 94 before them, collected by someone who writes no rules (see the corpus README).
  'test-96.jsonl': '2d1673954d5b02b35d261411f09bed741236a1625fb977b735b18943e02f1504',
  'test-98.jsonl': 'c6107f95693ce55859ae48ea1649451e339c3ab94225f0a20da2204c2bd0dc0d',
  'test-100.jsonl': '072f45a666abe30f0c3b2e02e169f532cb81129432b13799845ee6a49c689052',
  // Batches 102, 104 and 106 are holdouts like batches 9 to 100 before them, collected by someone who writes no rules (see the corpus README).
  'test-102.jsonl': '11b80a3859d31e5ad59dbb47981f0a6a4b3c302c39767d3e3b5ec3ca74928921',
  'test-104.jsonl': '53d7e4ffe0723bff5c5a0640538bfe6b6d3ff4ee28186e8195982cdfe406790f',
  'test-106.jsonl': '951ef2fa26ba009904a9d4270c090557c082f0f1c5ece3f4366b09e646d7c0ed',
  // Batches 108, 110 and 112 are holdouts like batches 9 to 106 before them, collected by someone who writes no rules (see the corpus README).
  'test-108.jsonl': '917d748ac21319c2da5414a751cd5036e4d1ff60f85d97bbe8cb1efbabb833e5',
  'test-110.jsonl': '7a66244c226caaa37497d8526f2cc6228213885cf1e31c6add1bad7eff60c3f8',
  'test-112.jsonl': 'ae99f5030990199d730c9cc3de61eb64df9551c06bc00a83fd47525f8423783c',
  // Batches 114, 116 and 118 are holdouts like batches 9 to 112 before them, collected by someone who writes no rules (see the corpus README).
  'test-114.jsonl': 'c1302a811e205397d741ffa76d1a268ccd9edd11cd998b1bb9b3f23d1a7ed7f2',
  'test-116.jsonl': '37588c81b2fca6a3b9fb2e89c3e84ac82d55a7c2f27ee80924a4e0600d8420d8',
  'test-118.jsonl': 'bdc3d8bf4b83584a693e68a41fe781cf6ded0cb9b9fdda3e603fe7457fdccba8',
  // Batches 120 and 122 are holdouts like batches 9 to 118 before them, collected by someone who writes no rules; their
  // collectors could also take Q&A, forum and blog pages that show a real log and its resolution (see the corpus README).
  'test-120.jsonl': 'a74082635de2402a46b750dfd397487085d64fac8f071c269ad4e2d9aa6ca149',
  'test-122.jsonl': 'db9c6375f420ef099878503bb76bb046602c0e26f132437bd8c12d2c702d1d59',
  // Batches 124 and 126 are holdouts like batches 120 and 122, collected by someone who writes no rules (see the corpus README).
  'test-124.jsonl': '2e99e44ac5e4d6ad6d4e77897cb28fec0a47ff1d465b7199644ec7ae2c016dfa',
  'test-126.jsonl': 'a1517a567cbabc7e344ed2e10f26ef11824276fb47ff9b8ccb0455251facc4b2',
  // Batch 128 is a holdout like batches 120 to 126, collected by someone who writes no rules (see the corpus README).
  'test-128.jsonl': '1c332b3b8b57d8e1169b09b0fcc860f0b5751084b0d25978afdb022ffff3948f',
  // Batch 130 is a holdout like batch 128, collected by someone who writes no rules (see the corpus README).
  'test-130.jsonl': '6372ebe30d37030af7efd05d5b132f16d217731380ea1fca541c47bf6a319204',
  // Batches 132 and 134 are holdouts like batches 128 and 130, collected by someone who writes no rules (see the corpus README).
  'test-132.jsonl': 'a4718a0ce8c03f8526c36ea46a876f8e3800acc3ef13dbace46420d06e3b7c99',
  'test-134.jsonl': 'e0ac02f29d9f1ef735313bc0fbb50dd63dcc08b0d522a99432d2684424bfb662',
  // Batches 136 and 138 are holdouts like batches 132 and 134 (small: the search tool's budget ran out), collected by someone who
  // writes no rules (see the corpus README).
  'test-136.jsonl': 'e830506c3f62604a4163e9acea8df5324e926ca8a67a7677f52ca837018e4d21',
  'test-138.jsonl': '3a90fef8203637ad72cbfd112271e4a7226d82c70b3ea0b0c734196100625bb5',
  // Batches 140 and 142 are holdouts like batches 136 and 138, collected by someone who writes no rules (see the corpus README).
  'test-140.jsonl': '1e87d5fe80fb254ccd69ef28e28eaecc53dca1e56f84ad565180d01c103c6cda',
  'test-142.jsonl': '91dbeaa801246f50f19284afcf0362201449a5e9a0a667f6b8480bc0eb8eb1d6',
  // Batches 144 and 146 are holdouts like batches 140 and 142, collected by someone who writes no rules (see the corpus README).
  'test-144.jsonl': '08c680c8eb5ae5dabb0dfbeb729bb8a66aa7ab8c6776211d657b650aa82d3bbb',
  'test-146.jsonl': '4d9a4b34c154c40e51e8736ed1a633014bc8380c0057bc4b571d942caa3d4040',
  // Batch 148 is a holdout like batches 144 and 146 (small: the search tool's budget was nearly spent), collected by someone who
  // writes no rules (see the corpus README).
  'test-148.jsonl': '06eed271ed1e626de0336236203eff1046607f322244aaeb27886af43455b0b2',
  // Batches 150 and 152 are holdouts like batch 148, collected in a new session (the claims list rebuilt from every fixture's
  // source) by helpers who write no rules (see the corpus README).
  'test-150.jsonl': '2b7ef08dbd8081be634a674daadfcf9b57914e442f882fc62b816547cd4e7734',
  'test-152.jsonl': '0872cb508e252bbd89e6fbc9e6560a0d9596d8dfa3e0d11a09a38d4cdfe6ef98',
  // Batches 154 and 156 are holdouts like batches 150 and 152, collected in the same session by helpers who write no rules
  // (see the corpus README; 154 leans to platform mismatches and fragments).
  'test-154.jsonl': '88cf4326a86feced1a401b00e5e78fc2e07bddb86ac483a23d3eeee8e1b41e63',
  'test-156.jsonl': '0a7b5c69e5e54a2d85412ab8b4b98e689f528f2ed18e13621450231b0fe224b1',
  // Batches 158 and 160 are holdouts like batches 154 and 156, collected in the same session by helpers who write no rules
  // (see the corpus README; one excerpt of 158 was taken out before the freeze: its thread is a train excerpt's).
  'test-158.jsonl': '22891633b0e6947d16378c3ddb3112a80cc03844012218d349ea774f707fa649',
  'test-160.jsonl': 'f403839556e2896db236583325fde25f393c4470197c5c52f464fdf9c76ceef0',
  // Batches 162 and 164 are holdouts like batches 158 and 160, collected in the same session by helpers who write no rules
  // (see the corpus README).
  'test-162.jsonl': '89aa3b4b14fd8fb1fd78dc33340b8bf9f8992b9d3774b02cfb090e0fbd55810f',
  'test-164.jsonl': 'eab0e7f1f2bf0bdfbd091e2e68624beb5736df51bb206a7422f5fbf272e9dfbe',
  // Batches 166, 168, 170 and 172 are holdouts collected in a new session by helpers who write no rules, in corners the earlier
  // batches mined little (see the corpus README): platforms and cloud builders (166), scientific and non-English threads (168),
  // Windows, Apple silicon and ARM boards (170), tools that drive builds (172).
  'test-166.jsonl': '1b17ef50c6fdf18cdc6bffd40d794e36e061fde4f88a75a602493d57a0abadcc',
  'test-168.jsonl': 'ee2995f7c5600f194cb97414bb525f5fafb69609fe7c38a49be4b804a9b6da74',
  'test-170.jsonl': '02fda368fc6e72a73f4db5de317bb9a2265f9a5403d5c18cc2db5cd3194595d3',
  'test-172.jsonl': 'e36838e01907af55b837b2f24d115d972579565095738276705916b09a17a6e8',
  // Batches 174, 176, 178 and 180 are holdouts of the same session's second round, in four more corners (see the corpus README):
  // supply-chain and attestation tools (174), builds inside containers and clusters (176), enterprise registries and what
  // stands before them (178), self-hosted applications (180).
  'test-174.jsonl': '62785036024abca9236ffb61438ea949469a24d6869bbfe905a5ec88865ab61a',
  'test-176.jsonl': 'ccf6d8462f2f3572395706449c9135e6fe56ebb3fb8fe2d3a88ed672b0eb46bd',
  'test-178.jsonl': 'cf979a87d190fd7a0560ba0ca0c270d8f2e5c18c74024a6d5a3f2e5720190642',
  'test-180.jsonl': 'b6be40d14fb978677efe210fd2cce8dd3ab967b8ce7285d31023456338245ae0',
  // Batches 182 and 184 are holdouts of the same session's third round (see the corpus README): course, book and tutorial
  // repositories (182), data engineering and database images (184).
  'test-182.jsonl': '53460fa2e32710cb54a868a85bfbd79f28f0843541a1aefd4a691a38e3db48e8',
  'test-184.jsonl': '35c47c75ea823d49ede5b2762fc152c9b21dcefd2553dbb0d7527b3c98be9c16',
  // Batch 186 is the holdout of the same session's fourth round: Rust and Go projects built in Docker (see the corpus README).
  'test-186.jsonl': '8fdf6508e2810108d877e2f7e8abd40083a2f56e70cf89fcda7d6c266034b106',
  // Batches 188, 190, 192 and 194 are holdouts collected in a new session by helpers who write no rules (see the corpus README):
  // JavaScript and TypeScript projects (188), Python, Ruby and PHP application images (190), Java, .NET and other compiled
  // ecosystems (192), orchestrators, local clusters and add-on builders (194).
  'test-188.jsonl': 'd7ce9390bf5342fbb0d72c1da93b109ce28d0a61b2a5b92ad2d212e8948fa349',
  'test-190.jsonl': '17e5183ac78d52ec159db74470e23c88f6abe3b3c30f84a7070fbefb5af65f46',
  'test-192.jsonl': 'bd601c4b6529eb17c092fe9053f3512f8b4a2f7e3b204a998fc6eb54024ab5c6',
  'test-194.jsonl': 'af7bce8e8de31cda1bc477c1372bd89f788f91de3d0431cf8d9c776f5a557bdf',
  // Batches 196, 198, 200 and 202 are holdouts of the same session's second round (see the corpus README): AI and LLM
  // applications (196), blockchain nodes and hardened images (198), documentation and observability images (200), CI
  // services that build images in their own framing (202).
  'test-196.jsonl': '43c49a15e27c59a7abbe9f9a5f9b7b185ddd1c8fa5e4837115220b296c662704',
  'test-198.jsonl': '70ec9612a67e0fe2f10054b2a8ae6253def0b3f0c34dbdc89cabfd9b246ddcb3',
  'test-200.jsonl': 'd98c03347002fb5c3da21237719f8927a1da9bbb913e4b19cbcaea6ccad5004f',
  'test-202.jsonl': '20efb554bf78c4330492b83bdd3d8ec6fa12b7800953ae7baa761cf286fc5756',
  // Batches 204 and 206 are holdouts of the same session's third round (see the corpus README): game and embedded
  // toolchains (204), other builders that consume or produce images (206).
  'test-204.jsonl': 'f6417be790cca031e8388d396baee8463e584349f14f7693b13bb585cae0aa7e',
  'test-206.jsonl': '10d7f3605f31e4f68dfdc9be8380bbb4d543c8e7faf673dbc5852bf4673bc164',
  // Batches 208 to 214 are holdouts of the first round of the session after (see the corpus README): tools that build through
  // the Docker API or on a developer's machine (208), less common languages (210), conda and scientific workflows (212),
  // large community platforms (214).
  'test-208.jsonl': 'bdef26184b3e74f2115cfe44978000978711e1614a57fc58e4891da27f5cd727',
  'test-210.jsonl': '6d79dfdeba14ce2c7252799b9902161c71b451c5352eef4075302f6801af3929',
  'test-212.jsonl': '7088fb06c847ba0ed49ed9cea8a4bccac28ac5271bc786ae09f9c62facb91e0b',
  'test-214.jsonl': '0277667dba20f82756afb3980f6defcb1f16e8669b24e5283ef2e638719f17c8',
  // Batches 216 to 222 are holdouts of that session's second round: infrastructure-as-code and serverless tools (216), builds
  // behind corporate networks and private mirrors (218), base images and toolchains that aged out (220), Docker hosts that are
  // not a plain server or Docker Desktop (222).
  'test-216.jsonl': 'c86ede6341030e07e54f13b217113ccc2a59378fc6b49c87e6a6f80d77928385',
  'test-218.jsonl': '7535859a9c429c8cf001301bf75adb05ae2ac2e02c471255f51eeeabe635042d',
  'test-220.jsonl': '918c38331292795c17d41571c6fc2a6e74eece68558877c900cdc2c67aee3a0c',
  'test-222.jsonl': 'da6ce6c79fd113e6494f2b7112c1095ac75939d79fce741e06f7a0aee798bdf3',
  // Batches 224 to 228 are holdouts of that session's third round: robotics and ROS images (224), systems-level builds (eBPF,
  // kernel modules, VPNs, GPU drivers: 226), microservice demo applications (228).
  'test-224.jsonl': '1a455eb211a7de826324cddf132e154ed8b5d72727c41dff80af135f07257cb6',
  'test-226.jsonl': 'a54a3b4796ae47be2c4b1583e8a5308730b737579a3c2e8dea1cf1db5560ff68',
  'test-228.jsonl': 'fe4a516b5adf1a76c15ee9c4334ce831795ae66fbc590d7ed2ca0d0c25883199',
  // Batches 230 to 236 are holdouts of the first round of the session after: browser-testing images (230), web servers,
  // proxies and API gateways (232), Apple Silicon and Arm machines (234), self-hosted backend and automation platforms (236).
  'test-230.jsonl': 'bab05f22b3759b13367bf74d4307a6bb8524b101a5623ecc877d6393eef1b8fe',
  'test-232.jsonl': 'b4cddb977bcb5927a4e8230a927efa7d07f69a37730156f76570b2500d7498ea',
  'test-234.jsonl': 'fabe618a12a681917f4abb3c5b3ea75365cbccdf18b83967a81a737eac0fc4b2',
  'test-236.jsonl': '2088e3eec092dd6b2360d82be1ee8e19c1ab4c6b0d585059b32040fa4ad1208b',
  // Batches 238 to 244, that session's second round: security and quality tooling around builds (238), C and C++ projects
  // (240), e-commerce and headless CMS platforms (242), the Docker official images' repositories and their users (244).
  'test-238.jsonl': '305806e2fca9856b44f3985d09926981f0b44bc0670feb2793e454454befec72',
  'test-240.jsonl': '29ea6f29b24869f3bb6ee8515eed59383c0357d70280f048d86889dc8317f6ee',
  'test-242.jsonl': '3e8e1d0b7e1053f729186806b334a6c8d7a04a0bf00335f2306eec7e9057aede',
  'test-244.jsonl': 'ab7c42548c66896eaa06fc3f43bf1ffd681ff7850d549999e990e16ab8b29de8',
  // Batches 246 to 252, its third round: identity servers (246), chat and meeting servers (248), monitoring stacks (250),
  // Python and R dashboards (252).
  'test-246.jsonl': 'b345dcc7f1fc0c5e598a2344bddedd28222d1ea0185995285bec853cf2783770',
  'test-248.jsonl': '1ed1ea2c968181cfe3cf7ac132e97e1d4322d4fdcb6f2de6faf87daa989fd5eb',
  'test-250.jsonl': 'e1a860dd4fb14849403e9e1a2edd15830e97db424ddae9680d970bb81f605178',
  'test-252.jsonl': 'eabc48abf570676581e77c7d80e21cbd80d09fd0e0bcc2527e8634addfc10f65',
  // Batches 254 to 260, the first round of the session after: GPU and CUDA images (254), self-hosted mail, VPN and DNS
  // appliances (256), monorepo and build-system tooling (258), game servers (260).
  'test-254.jsonl': '71c50788969ed8f8eda90b9e7a6fdcce68b2d5db117dcd75879449e51b67ccfc',
  'test-256.jsonl': '602aae3c4beb31e013df1be288f91bddca000d42fdba683b5ea1b8e9b584fa3d',
  'test-258.jsonl': 'b4b57a9bca97e4dd3312041939a583dae4b3206733d95026a1a19a0f46304eae',
  'test-260.jsonl': '80fb212b2cc65eb5a2efbcd101c3b8b9a65540b29719e9697e64304f56620891',
  // Batches 262 to 268, its second round: Kubernetes operators and controllers (262), new JavaScript runtimes and frameworks
  // (264), business and no-code data apps (266), desktop and cross-platform application builds (268).
  'test-262.jsonl': '64edfc8c9715287bb041aeecf107d274a8f881c027dbaaff79c1da79f84fe292',
  'test-264.jsonl': 'f153eedb8e4a666a1306be39a62d6eca59b19e2dc258742b32ca959aea6c7799',
  'test-266.jsonl': '2e90496ab8ac892262f43e940bb09d8872012cf332f97ea6e41b209d77e3c1a6',
  'test-268.jsonl': '06140af5e0d386a6ebaa0691000bc3334c85b96b27b852d5264910614f592b61',
  // Batches 270 to 276, its third round: media servers (270), search engines and vector databases (272), MLOps and
  // model serving (274), home automation and IoT (276). One excerpt of batch 270 (a thread moved between repositories whose
  // log a train excerpt already holds) was left out before the freeze.
  'test-270.jsonl': '288846982485084ebe6d560afa2426dd9acc853ef10bc24f347646ba802297aa',
  'test-272.jsonl': '28160531a3126ccdf09ca557b2c34db256e7785f2842f0d73ace4d07f542523b',
  'test-274.jsonl': '27ef060407caaa7494bc570d0e4cc47174b2be2ca85036afc9e41b27ac191156',
  'test-276.jsonl': '58ff7e61ca17d7e14a3ad730ba38e6e6afbbf4eb5463d208a362cc72e249c4ac',
  // Batches 278 and 280, its fourth, smaller round: message brokers and streaming platforms (278), cloud developer
  // workspaces and notebook servers (280).
  'test-278.jsonl': '6c8a7880173ff280768bb579649abf94bf876686b61343d4ad942bca8a834301',
  'test-280.jsonl': 'ef52294f0050558174766cb63c703052743ba5fc455f28077a5585fbfb119480',
  // Batches 282 to 288, the first round of the session of 2026-12-06 (morning): federated social servers (282),
  // geospatial images (284), mobile app builds (286), education and e-learning platforms (288).
  'test-282.jsonl': '491d6fff5280be943c64869b1258d76a719ff76f756d8a320fb3f7a72860e519',
  'test-284.jsonl': '884bfc6ad6bb1e274c703635ebcba4cb927e693194fdffcc0417654e0bb7f124',
  'test-286.jsonl': 'd074790cf3278c520f356a07110140a44bf2b90eaebf2980ef3a74d06117803b',
  'test-288.jsonl': 'fe73787fc797be02dfff1ea93b28a62802d1ac6641f3bbc03add9a7bb81c64e3',
  // Batches 290 to 304, its second and third rounds: document and academic tooling (290), bioinformatics pipelines (292),
  // edge AI boards and embedded Linux (294), scraping and bot images (296), self-hosted forges and CI runners (298),
  // password managers and secrets tooling (300), telephony and real-time media servers (302), trading and finance apps (304).
  'test-290.jsonl': '6de0ae74c3f85b5fc0a9e82186002da4bd021d019cb93c3179755a864783d357',
  'test-292.jsonl': 'b4ea026039e75896622b4430282c9980f12a5d13476c07f9ea48e36bccaf5808',
  'test-294.jsonl': '58dc627ad2814c5bc330d09a223ccf5dd1dbd1194a37a86f1d8f098cad926d8e',
  'test-296.jsonl': 'cb011e53dcb946b019a17bb2fe084f8b18f195e7a837901b40e23e1f73992677',
  'test-298.jsonl': '95288141dbc56341ab9a5d44149c5ae0d508ecee71012fbed2644c2efa24b53f',
  'test-300.jsonl': 'd8ce274a75dbf53ede89d8c75dc10277694d3006dce500acdaf6e0d808bdaf66',
  'test-302.jsonl': '4fa417378bd47f67420eacb3c361d95bfcb0c530744b4431c2fc94336485643e',
  'test-304.jsonl': '46c450ccdea7be5b5f0f35121532a6a5d430a5399273b398cfba461acaf71113',
  // Batches 306 and 308, its fourth, smaller round: wikis, knowledge bases and note apps (306), file sync, storage and
  // office suites (308).
  'test-306.jsonl': 'e2b25d400ac472b3a166e28de841c20c6d078b4dc3acedc06811d973b5baefcd',
  'test-308.jsonl': '4ea433790df494a2072e569a1209600b073df3d008f36ab5bfe4e90ba85f1e9c',
  // Batches 310 to 316 (even), holdouts of the session of 2026-12-06, afternoon, collected by helpers who write no rules while
  // train collectors worked the same corners: 3D printing and maker tools (310), HPC and simulation images (312), PHP CMS sites
  // (314), search engines and log pipelines (316; one excerpt left out before the freeze: its one line is a train excerpt's).
  'test-310.jsonl': 'fdcf5f002b4b1d68e1bda52d65deb477e1ac2da95020716099f0826aea0b8f1f',
  'test-312.jsonl': '4a013c06f21b48d1926904e1f001c3afbc35e782614659ebece0d2afb2ab1be1',
  'test-314.jsonl': '981316ccd0c7e7a3b3ea045c6834ebb7a523192c08ec19bcf006ef9487b6b530',
  'test-316.jsonl': '15f0fdbf841547d55e76e0f46be0ee5ce3a3ecdd869a2a877974ce00c0f1ff69',
  // Batches 318 to 322 (even), that session's second round: chat and team collaboration servers (318), home media servers and
  // their companions (320), web and product analytics (322).
  'test-318.jsonl': '0b99ebde5860f7f912418937442d2dbd9c99c9b7ba8496dab8a0af376a78098b',
  'test-320.jsonl': '370410bd68e3a9109f116055a81bb66c026d5fefd037cfca486157d350883f68',
  'test-322.jsonl': '826dce981b13011a1b03f16e6abb6b971ed8d58f66006c9d1fe6930f0f319ad9',
  // Batches 324 to 330 (even), its third round: mail servers and webmail (324), DNS, DHCP and ad-blocking images (326), Rust web
  // services and WebAssembly toolchains (328), PDF and office-document conversion services (330; two excerpts left out before
  // the freeze: BigBlueButton's LibreOffice image, whose log train excerpts of other threads already hold).
  'test-324.jsonl': 'b2eaf038f29ddd142779e9df3171b0e93f74c5106b8d71f546173d55ea4d0059',
  'test-326.jsonl': '8c939c23b5e77e9ab872bdfd9c03aaa3034885a60722fc22fc516d97f26ae1a2',
  'test-328.jsonl': '8eae86ec2365288325578e7f666805b173818fc46d92692e5ee93249811d60f3',
  'test-330.jsonl': '1e2ee75a5cc14e97dd97fa12c2c0f261cfa019d1e274487ba056a7aa5de383a3',
  // Batches 332 to 338 (even), the session of 2026-12-06 (evening), first round: ERP, CRM and accounting servers (332), photo,
  // e-book and audiobook libraries (334), project management and forum software (336), healthcare, radio and niche science
  // servers (338). No shared thread; the lines they share with train are generic.
  'test-332.jsonl': 'b7317621015dcd1f8d1065401b57bf1a8ef6b5f1e2de61527dad3cd876d81b59',
  'test-334.jsonl': '43d928d834a84c76fa690a5b2c780417f6a57c76a55493d7c18f2c6aaf758d1f',
  'test-336.jsonl': '7ea1ab6fc44c048bc1c4bb646a64365a882a0bf0a1add51f7877ed4a169324c4',
  'test-338.jsonl': '3f97eda0fa247f7637394903feb2de91b64ca3acb0259b128c1db8bf50988ddf',
  // Batches 340 to 354 (even), the same session's second and third rounds: NVR and camera software (340; one excerpt left out:
  // Frigate's missing latest tag, whose line a train excerpt of another Frigate thread holds), backup and file-transfer tools
  // (342), feed readers and bookmarking apps (344), homelab dashboards and household apps (346; one left out: a Dashy build
  // whose lines a train excerpt of another Dashy thread holds), speech and audio AI servers (348; one left out: two code
  // blocks joined), torrent and download clients (350), static site generators (352), Elixir and Erlang services (354).
  'test-340.jsonl': '69c2faa84e2c2a7abff0677ab5036ed452551c9a001d5974298ea96b6152d6ea',
  'test-342.jsonl': 'ded8ef1fe049021ca9f73f71dc6f5667674f6107a9ba14a4d89ead18869c96fa',
  'test-344.jsonl': 'fc088e88352da42b5149430003b7ea693ee19393dd2ecb88ec28ebab5fdf3f64',
  'test-346.jsonl': '1382ac431dcd5cb924c07a8ef499b0df9f2e52922adc90a0dac0729f4a76c1e4',
  'test-348.jsonl': 'ad619e44c1502eade4be9d8139bdf236c996ec959e14f48ad775276d16e9a89b',
  'test-350.jsonl': 'c53c2456933321452ddd30f28691b8b2f0120bb5ca9c6bc3ddcae41c4770a427',
  'test-352.jsonl': '32a5f9617c1ac0552ad915037f6c402a9415c6fe8ebd38634c3633b6b02321a1',
  'test-354.jsonl': 'fe85444deb8180bd2a1723948a307015827130cd2a40ae4a9420a8017148c2db',
  // Batches 356 and 358, the same session's fourth round (smaller, at the end of its search budget): chat bridges and
  // bouncers (356), CAD, EDA and hardware design tools (358). No shared thread; shared lines generic.
  'test-356.jsonl': '3e35c7132903a8c2bc92fc9f0795a981fe34142ff1670438e2703639ee063d0f',
  'test-358.jsonl': '1793fc407f8143ec20fbdb944d867ddd4b7216465cebc014101c2fb887f2ca1d',
  // Batches 360 to 366, holdouts of the session after (one round): game servers and engines (360), embedded and
  // firmware toolchains (362), bioinformatics pipelines (364), identity, SSO and secrets servers (366). One holdout left
  // out before the freeze (a pull of jboss/keycloak whose line train excerpts of other threads hold); shared lines generic.
  'test-360.jsonl': 'c0f1395e31668582d9fbdb5b558372d887b5f75beba28478ceaee94e5904cd20',
  'test-362.jsonl': '6dc22ae125b1d604a041c15459676a25cae6e42e98ef3fb064343914ebb62da7',
  'test-364.jsonl': '21ccc3a30f6fb9f511152d59e73ac0a9f26ea23612ffda07d0a1b76a418e3d6d',
  'test-366.jsonl': 'eb4cf18b59fc24fa95df1dc5c56ea90eae9004b5575c560c8b0bdab7e6f2587f',
  // Batches 368 to 374, the same session's second round: workflow automation and low-code tools (368), headless CMS and
  // backend-as-a-service (370), learning platforms (372), serverless and function runtimes (374). Two holdouts left out
  // before the freeze (Directus's missing `latest`, whose line a train excerpt of another thread holds); shared lines generic.
  'test-368.jsonl': '9b9ba47f01e8bb14c912e183b9372f3ff22b097f148c2b25587a1d1377fbe6ba',
  'test-370.jsonl': 'df2d4ccf2d118e533b6aca02846cc0463f048501aa3af5ffd6bf944f5ea5e148',
  'test-372.jsonl': '252279af073dbd17ac87cc786d084d9043ff66f21accae25808911ac1a773242',
  'test-374.jsonl': '88740eec80dbb4152096419c5980d1236bd175fc83cab555b04ed76a654d17dd',
  // Batches 376 to 386, the same session's third and fourth rounds: documentation and typesetting images (376), mobile app
  // builds (378), time-series and analytics databases (380), functional and niche-language toolchains (382), VPN and network
  // appliances (384), PHP framework apps (386). Three holdouts of 384 left out before the freeze (its collector labelled them
  // without seeing the threads' replies); shared lines generic.
  'test-376.jsonl': '3cdb7c9bdbb905ac3bc0db4ee9b46502aecb93c83be9413fce834c5b7153ba59',
  'test-378.jsonl': '606029c07c0587ed153f19114edf96b31e5271e32cc6ab0ebd66805ae8e15656',
  'test-380.jsonl': '90eb0f7625789043adac770edf04447d1ab287b9e77af8156490d51ec435602a',
  'test-382.jsonl': 'a6cf1ee91da841d0ad60c8290ad12b85eded745cc42c78e26da62b51884d98e1',
  'test-384.jsonl': '3c5f35777ae67a6e037012ecdae93164f02d6ec7e6eebf550ebf57d2435d6c97',
  'test-386.jsonl': '38f167b86731e7ddf481856228eea01f583b650e4fde5c66b34582fc013d780a',
  // Batches 388 to 394, holdouts of the session after (one round): new Dockerfile syntax and BuildKit features (388),
  // modern Python packaging in images (390), integration tests that start containers (392), Docker container actions and
  // container jobs on GitHub Actions (394). Five holdouts left out before the freeze: three from threads the corpus holds
  // already (the first 53 cases'), one whose project a train excerpt of the same round shares (action-commit-push's tag), one
  // whose traceback carets its collector counted out rather than copied; shared lines generic.
  'test-388.jsonl': 'e1d0e5c141aec0664890efa3ae3ccf4dc04cfc12841011ef29562b9d6dc9d1e1',
  'test-390.jsonl': '361998da6257fe4c270d1510d4bdd45154e98fd4a9802d6b2ed56ebfd1b87cf9',
  'test-392.jsonl': 'a332024dba9e0aacc5cad9b799e21f1150d2ff7dc48b32e0c9f102de53b8e477',
  'test-394.jsonl': '5effa21434ee7017bef2495e8617a4cf76e53448a9ff7dc82940e078c2ca3a02',
  // Batches 396 to 402, the same session's second round: Docker Engine 25 to 29 upgrades and the containerd image store
  // (396), reproducible and minimal image builders (398), JVM tools that build images (400), Node package managers inside
  // images (402). Six holdouts left out before the freeze: three whose project a train excerpt shares (kubeless's image name,
  // addnab/docker-run-action's client, Quarkus's daemon), two whose padding or progress bar their collector counted out, one
  // from a vendor's page that shows what the error "may look similar to"; shared lines generic (Docker 29's "client version
  // is too old", Maven's rules and wrappers, apk's index).
  'test-396.jsonl': 'b3ea811e24164ef05bd23fb64fd296776b42e563f544fdf8aadee1cf4d94b381',
  'test-398.jsonl': '68bcc988dd7b5dcd99133366c133dfa8335a6e284ae764f6e9041f3e884b36c5',
  'test-400.jsonl': '506d6604dbcf3b0cd1ccb8399fe79a494113ec94eee35cb5833aef330223ba9b',
  'test-402.jsonl': '48c7dc68313bc7bdd17cf3b7e2310460658ada495d4cc286541d1063a5ff8a55',
  // Batches 404 to 410, the same session's third round: Kamal and Rails deploy tooling (404), database migration and seed
  // containers (406), Docker Compose v2 features and their errors (408), remote and hosted builders (410). One holdout left
  // out before the freeze (a precompile hang its collector labelled from other threads, neither the thread nor the log
  // saying why); no shared thread, shared lines generic.
  'test-404.jsonl': 'e07d5a5d112dcff0ed9b93980a84b3e3c358b2e7c6761d61449e6eaf7fdc2d71',
  'test-406.jsonl': '464f82bbdbe004f51f25bf808a86599fa62cf451588f850c32b2d99d5b682aea',
  'test-408.jsonl': '5391b43089f4f9324310a07378ef6fbfb5b20bdf3781fc62d67147858f7d4ae7',
  'test-410.jsonl': 'c9dd24c7efd4708311392df655a580d8ce8463da41b91dbfa31bfec0ada44da6',
  // Batches 412 and 414, the same session's fourth round (smaller, at the end of its search budget): Helm charts and other
  // OCI artifacts in registries (412), rootless Docker and Podman's Docker compatibility (414). One holdout left out before
  // the freeze (a podman machine's full disk whose paste a train excerpt of another thread repeats); shared lines generic.
  'test-412.jsonl': 'b2dbc972d23c6710cedd5e5e6a2360acaa1189f069c16a2ed5f11eac0671eac5',
  'test-414.jsonl': '91646790eef6e35764daef14f8cf09603d7fd8a77ec0755177fdeedbeb527946',
  // Batches 416 to 422, the next session's round (small: the corners' threads are mostly in the corpus already):
  // infrastructure tooling in containers (416: Ansible's builder and AWX, Terraform), observability stacks (418), data
  // engineering images (420), browser automation and end-to-end test images (422). Three holdouts left out before the
  // freeze, whose project's own lines a train excerpt already holds (two ansible-builder galaxy steps, a Superset npm
  // build); other shared lines generic (platform warnings, kubelet event headers, exec format errors).
  'test-416.jsonl': '4dfa8b34558d3aff499dce8414254cd4aecce7e327a56bb2107f0a38aacaf59b',
  'test-418.jsonl': '3d0137a6b5462edf1b2c6c15d5eb7e260946380f25ff6b1f2f23b62b982ae227',
  'test-420.jsonl': '1e3309314e0753d04719227372bb861dcc320da6054323aee22419a521a8ce4d',
  'test-422.jsonl': 'e3374ccb63891e7afc807437371ea87e669e3190e51d796829f5af738a41d88c',
  // Batches 424 to 430, the same session's second round (very small: the search index's threads of these corners are
  // mostly in the corpus already): self-hosted AI image generation and chat UIs (424), supply-chain tools in CI (426:
  // Trivy, Grype, cosign, syft), chat and collaboration servers (428), workflow automation and API backends (430). One
  // holdout left out before the freeze (its collector retyped a line's padding); shared lines generic.
  'test-424.jsonl': '72ffc4e7787a67d9ce3f8f8db518966535994268a69b1488fabd703482b6d320',
  'test-426.jsonl': '00823d31d10ae64b7fde2272344d53aa64a51e0c0d19cd7c2715129413a39526',
  'test-428.jsonl': 'bbcacb1ffc42b74b458d27eba13b875456d642b7d5c58ca5c053ce087af48721',
  'test-430.jsonl': 'a354edae45d552143170d880bd67d972925b9531285bd22792c365dd2a154c8f',
  // Batches 432 to 438, the same session's third round: PaaS deploys that build images (432: Cloud Run, App Runner, Azure
  // Container Apps, Heroku, Dokku), NAS and homelab platforms (434: QNAP, Synology, Proxmox LXC), pipeline engines that
  // drive BuildKit (436: Dagger, Earthly, Garden), Windows containers (438). Two holdouts left out before the freeze, whose
  // project's own lines (Earthly's buildkitd messages) train excerpts hold; other shared lines generic.
  'test-432.jsonl': '5b2d1630a8892fc9a6b096eddf7ed412ad4d52c72cdd45d1d690b1337147d045',
  'test-434.jsonl': 'c16eb33e3d9b55ae7f2c1e2e9e3809ddd38ae551baefe85e9dc525388a37031e',
  'test-436.jsonl': 'a446e649c417ef02cf60feb74d9f53e746719614615b1ecb7387c3d8d6c69420',
  'test-438.jsonl': '25adc3e002a4b9df112559dabc5cf62a1c3f701bab2d299ee457675dd34547e9',
  // Batches 440 to 446, the session of 2026-12-07's round: blockchain nodes and crypto trading bots (440: Substrate, Core
  // Lightning, Cosmos chains, Freqtrade strategies), live video and streaming servers (442: Janus, ffmpeg builds, GStreamer),
  // self-hosted Git forges and CI runners (444: Gitea's act runner, GitLab Runner's docker executor, Concourse, Drone),
  // e-commerce platforms (446: Saleor, Sylius, PrestaShop, Magento's development images). One holdout left out before the
  // freeze, whose project's own compiler lines (nginx-rtmp's) a train excerpt holds; other shared lines generic.
  'test-440.jsonl': '19e1be611b9c2cb888676985a377e52355d64e8a077f2f8110b2483f3d3779ef',
  'test-442.jsonl': '82adcf9752ebc8a286ac199a0f4f331811b2010cde68cc007385cb47e4347191',
  'test-444.jsonl': '1f1c4bc2aafbac64ac8a1b6796b9a0cd8fade3c31a191d6fa83374f8be08426a',
  'test-446.jsonl': 'dd6e768223fea5bb3524da46be3ea817ad77466844266848f79de79765531e17',
  // Batches 448 to 454, the same session's second round: geospatial stacks (448: PostGIS, GDAL, OpenStreetMap tile
  // servers, GeoServer, Nominatim), security scanners and pentest images (450: Wazuh, ZAP, Kali, Zeek, MobSF), network labs
  // (452: SONiC, containerlab, GNS3), remote desktops and browsers in containers (454: noVNC, Guacamole, headless Chrome).
  // One holdout left out before the freeze, whose project's own lines (SONiC's build hooks) a train excerpt holds; other
  // shared lines generic.
  'test-448.jsonl': 'be5084681866852efe590cd84c83075e320dbb264a5f61238a3f6207f5e06693',
  'test-450.jsonl': 'dc2a84780607fb58ed31d076bc055bb2d8d6395233d732ce80fe5cd730d50728',
  'test-452.jsonl': 'bf21bd3251d79f8198620fa057be33dee7434d7f83dc9a4e95d2e86ef4eea117',
  'test-454.jsonl': 'f2846787fa4550c9d75a298e0d303d7ce17a627826dcf4c9cc45b798882d4279',
  // Batches 456 to 462, the same session's third round: wikis and knowledge bases (456: MediaWiki, Etherpad), robotics
  // and autonomous-driving simulators (458: CARLA, Autoware, Gazebo), browser IDEs and cloud dev environments (460: code-server,
  // Theia, Eclipse Che, Gitpod, devcontainers), OLAP and query engines (462: Trino, Druid, StarRocks, ClickHouse). None left
  // out; shared lines generic.
  'test-456.jsonl': '58f2964c649d344206c9fdea7f256d91a5150100008809439fa99b1988b933e8',
  'test-458.jsonl': '7d68461c6bbb7b1de07691c394edaff9e84c57b2caab39d9141d7910d294aa5d',
  'test-460.jsonl': 'd59a1731a183fbdac40f56947546ebf0c310d356acdb6d6d0107c6880a0e2b83',
  'test-462.jsonl': '7cce8a36926a4d1707abfb43a99e3bbe39964034179ca4a6a8f57a1876bba27c',
  // Batches 464 to 470, holdouts of the session after: .NET services (464: retired aspnetcore images, NuGet restores, SDK
  // versions), Go services (466: cgo and musl, go mod download, GOPATH-era builds), home automation and IoT (468: Home
  // Assistant add-ons, balena bases, Raspberry Pi pulls), local Kubernetes clusters (470: kind, k3d, minikube, Skaffold).
  // Four left out before the freeze, whose project's own lines a train excerpt holds (goreleaser's bsubio, ESPHome's
  // cc1plus, minikube's docker-env, okteto up), and one whose padding the collector retyped; other shared lines generic.
  'test-464.jsonl': '5ff2abc1e2df510533bd086500e7d90565be0d440b3fc1906bfb787b0012845e',
  'test-466.jsonl': '0ad3408712639d1b790331bc4b9f2defef26bae7d5bc6f6abc11ed962bab0c87',
  'test-468.jsonl': '3d361982faa5b4ad2738d248c2f5e09ee003e1a6917ae4495cb184601ea0c8bb',
  'test-470.jsonl': '9c7578dce8ce6bf8ab75ab4918a5effc2bdf23993c96e83a23a13a9e4e236841',
  // Batches 472 to 478, the same session's second round: message brokers and caches (472: Redis and Valkey, RabbitMQ,
  // ZeroMQ bindings, Memcached, Pulsar), GPU and CUDA images (474: the GPU operator, nvcr.io pulls, Jetson, ROCm), large Ruby
  // and Perl community apps (476: cpanm, Redmine, Mastodon, Discourse), C and C++ projects (478: OpenSCAD, dockcross,
  // AzerothCore, OpenMVS). None left out; shared lines generic.
  'test-472.jsonl': '61300c5eea662cf6e102f71936e7a2b483a8b216a3d247e08ab5a7ddb4b3c46e',
  'test-474.jsonl': '3009caa62784c1dc0143dbac5144881a6ecd571aaec468a5d806230eb1747d88',
  'test-476.jsonl': 'b56a06a4355988e1ebae1a97fefd774fd1ac27ba6907874746ecc8a4f776ad03',
  'test-478.jsonl': 'c2dc48ab36abff6d5c423baa4e318d31b45d20e29bdf0e93f1671c112564e75a',
  // Batches 480 to 486, the same session's third round: Java application servers and enterprise databases (480: Oracle
  // Database and WebLogic, SQL Server, Tomcat), scientific Python, notebooks and R (482: Jupyter's docker-stacks,
  // repo2docker, conda-forge, rocker), reverse proxies (484: Traefik, nginx-proxy, Nginx Proxy Manager, Envoy), JavaScript
  // frameworks and native modules (486: bcrypt, argon2, sharp, SWC, Next.js). Three left out before the freeze, whose
  // project's own lines a train excerpt holds (Oracle's image script, conda-forge's ppc64le image, sharp's install);
  // other shared lines generic.
  'test-480.jsonl': '438198115e3a3ade0c13f309f24cd5395a6caafd4bfff71b48e5d578fb74c1cb',
  'test-482.jsonl': '3498c9124b0ed05692ac7f4464923f7c82e0c74dd09dae91297a77352b160f55',
  'test-484.jsonl': 'f38acd8d32cbda51f469e39d09a88509e87b3601ef5184a71022251f4715255e',
  'test-486.jsonl': '1f428b7a1be85568cf9912afe6ddb081beb3b1684db189c0d95bb3416dacfca5',
  // Batches 488 and 490, the same session's fourth round: Django, Flask and FastAPI apps (488: mysqlclient, Pillow, uWSGI,
  // gunicorn's workers), distributed databases (490: ScyllaDB, MongoDB, Neo4j, CouchDB, Cassandra, ArangoDB). Two left out
  // before the freeze, whose package's own lines (mysqlclient's pkg-config message) a train excerpt of batch 489 holds.
  'test-488.jsonl': '31b93ea7b073e7b783a2318e5fbf897c84aa74108d0466864a2c6041aba5605d',
  'test-490.jsonl': '6867a5f5043e35fb84c3dfb4b640342f2d8be9e26b9f164fea958e74fa457f1d',
  // Batches 492 to 498, the next session's first round: LLM inference servers (492), in-cluster and daemonless builders
  // (494: Buildah's and Podman's output, Kaniko, Tekton), Swift, Dart and newer runtimes (496), kernel-dependent images and
  // node agents (498). Two left out before the freeze, whose project's own lines a train excerpt holds (Skupper's
  // `COPY --from` steps, Vapor's linker). The index is nearly exhausted: 6 to 18 holdouts a corner.
  'test-492.jsonl': 'b3f5b4629481df5666ace51ebc3816785d4523be62c5c0e7f8a90d9a8a3d1697',
  'test-494.jsonl': 'ed7db9750eeb941fc292eef413bd31c223d35ad9428b84529755099ec8bf587a',
  'test-496.jsonl': '98dff4fbff0193bd73f28c207e8a24ec8ec3912ec18b55f5ff7e2a1238560842',
  'test-498.jsonl': 'b6ad94488699eca3fa41f7f6d6e67122ac9f55500793c4ce2418c6cf9fbe1038',
  // Batches 500 to 506, the same session's second round: fediverse apps (500), file sync and office servers (502), MLOps and
  // model serving (504), API gateways and service meshes (506). None left out.
  'test-500.jsonl': '170ebaa298190135f4b8fb8ba18ca22ed0f2394752a0a81f691346816ad2ed3b',
  'test-502.jsonl': '6eb9aa6cd4fe07b6df512915ddd517c96e21f7fd543c829589569ca11377af5f',
  'test-504.jsonl': 'f8941293f240edb3bc07d6a78577eafcae3d6d47a8a713ea44e7718f0105fec0',
  'test-506.jsonl': '6db571515c06115282761490638add9d19eb04c10c613808cfe07d10cf6fbc1d',
  // Batches 508 to 514, the same session's third round: workflow orchestrators (508), infrastructure monitoring (510),
  // desktop app builds (512), CMS and blogs outside PHP (514). One left out before the freeze: a Prefect worker's traceback
  // whose lines (the same user's paths) a train excerpt of batch 509 holds.
  'test-508.jsonl': 'cba4a01c5a1c9c92ae7094945a61ffb8949797761d887891916dcc261afad850',
  'test-510.jsonl': 'e6bec1c261b5900fe712f054256d3a6a1be8f58da18417b14e3a2360d0bf4098',
  'test-512.jsonl': '609fdb38c065ec7a9b4cd8ea5859330a9b72c6c3d71028144cf8075321550378',
  'test-514.jsonl': 'ba03cfc9d245c72195282542ee33f4fb10bb9a2bda1bddd237ba1e32d81e6655',
  // Batches 516 and 518, the same session's fourth round (the search budget's last look-ups): chat bots (516), weather and
  // climate model images (518). One left out before the freeze: a Planet notebooks image whose conda solve (the same project
  // and failure) a train excerpt of batch 77 holds.
  'test-516.jsonl': '07d76b60bb7830198e2cac5496a7f3845366250bfa8148fb26ff15e5a5e3bf82',
  'test-518.jsonl': 'a3a812d63f912fb070f4533962522a180bc239ad68b1e2b7b2234ca8a062b57b',
  // Batches 520 to 534 (even), holdouts of the session of 2026-12-07 (afternoon), two rounds collected at once and frozen
  // together before any were scored: blockchain nodes (520), search engines and vector databases (522), analytics and BI
  // (524), photo, video and music servers (526), e-commerce (528), VPN and DNS appliances (530), scientific and HPC software
  // (532), documentation sites (534). Eight left out before the freeze: the same project's failure a train excerpt holds
  // (Hyperledger's orderer crypto, Foundry without arm64, eth-docker under compose v1, docker-elk's `from` prior to commit,
  // Navidrome 0.50.0's platform list, Frigate's local dev image, nginx-prestashop's libzip, Sylius under an old seccomp profile).
  'test-520.jsonl': '7b55f1926b0008cf5368ef98f1d0f6f776385481514bbfcd2b503aac4f068c02',
  'test-522.jsonl': 'cec61bdfc2392b742c52afa738da25647d503a8951613f7129d4ffce97b2a32f',
  'test-524.jsonl': 'f7a562ef29598207f59073032ce2d70f72d1d8524723744d80d85cbea2977f35',
  'test-526.jsonl': '651e69d2ce031a329ef0c46472e860398c82af2e00f51cb0c80b0e191f23dae8',
  'test-528.jsonl': '9d2dfecb74c7e2d556cfb43e6f42119093d2ff79a4b7fece3fe6ad61ec126450',
  'test-530.jsonl': 'b3a84349506d53e18ac8d73826867ac8706eeca93755d844385730453061094a',
  'test-532.jsonl': '7d6f8c6bd37d1b1d47909827bd0752d8e4effa91192cda4103aa89a3785ef02d',
  'test-534.jsonl': '75f0f0408165c496365a62b0dc2916f5644ae65fa8451fcabb4e352bbd9ce38f',
  // Batches 536 to 542 (even), the same session's third round: finance and invoicing apps (536), computer vision and
  // annotation tools (538), forums and helpdesks (540), bookmark, recipe and household apps (542). Six left out before the
  // freeze: the same project's failure a train excerpt holds (AnimatedDrawings' torch pins, Zammad's postgresql tag, Misago's
  // pip line, Chatwoot's development base image, Mealie without arm/v7 and Mealie's dev compose image).
  'test-536.jsonl': '924bc00f53b352bc00c0d45b8b115e592be6ef0d120033ce28d9eb2d5a2a9c4d',
  'test-538.jsonl': '24500596db3f001d88389bdef32869a0b924089c80eac657f0339bf253c3a976',
  'test-540.jsonl': '41a8fe1162c2a4fd084bae6f6b8d74a432d00a7bf0af27715790c7f00336c313',
  'test-542.jsonl': '6fa8e732e892687ec6f6c1bfabe83068c9201131484a27bbd694d2267952291e',
  // Batches 544 and 546, the same session's fourth round (the search budget's last look-ups; no train collected beside it):
  // speech and audio AI (544), game streaming and emulation (546). One left out before the freeze: a missing `latest` of
  // guiji2025's images, which a train excerpt of batch 349 holds for another of them.
  'test-544.jsonl': 'd3a70fc63b733c3aae4779d197806f81949f13502f9ef9a9f141de3fc1a78779',
  'test-546.jsonl': '8b519ee391c860a4ecd868565f6513e44ac8d80b04bde6222e66547f14c2ffd1',
  // Batches 548 to 554, a fifth round (the session of 2026-12-07's second), collected with train beside it: low-code
  // platforms (548), identity and secrets tools (550), bioinformatics pipelines (552), embedded and firmware toolchains
  // (554). Three left out before the freeze: vaultwarden's `raspberry` tag and its old engine's layers, and nf-core's
  // biocontainers without quay.io, each a failure of that project a train excerpt holds (batches 247 and 213).
  'test-548.jsonl': 'edae49fde878235b94260bc7aae2b790a27c0678bac4ece1c4d099a82593b271',
  'test-550.jsonl': '5163a6bffcb035a5b33b7d689b54eff9c34a8cc9f7fdac52d185a486fa597688',
  'test-552.jsonl': '1ee283b13abf1c6e53069f7db3ba905aa48e09b6d4c2c4148bd23415b40e3741',
  'test-554.jsonl': '7f29f84fb6aabe5c117cc2166c798a2050dd13fa56dba2fa3baa042c97622f6e',
  // Batches 556 to 560, the same session's second round, collected with train beside it: data engineering images (556),
  // browser testing images (558), education platforms (560). Three left out before the freeze: browserless' arm64 images
  // (two; batches 231 and 297 hold that project's failure) and a zero-to-jupyterhub image tag never pushed (batch w14).
  'test-556.jsonl': '74071d0147d8fe0dc4f28639cf2d06421caadcf244a0d980c157b13dbdb007ff',
  'test-558.jsonl': 'b39c787c03af50a288aa4669cb7a021cca6fa2113d632615d40cc839e9cbf829',
  'test-560.jsonl': '653f1cf5510e2c1108ca097ab4aac10544ccd1e984fa955c07cc22fd4990e40c',
  // Batches 562 to 568, the same session's third round, collected with train beside it: note-taking apps (562), mobile app
  // build images (564), tracing and log pipelines (566), game servers and engine CI images (568). Seven left out before the
  // freeze, each a failure of that project a train excerpt holds (AFFiNE's stale image, memos and FlashPaper without a
  // platform, AppFlowy on arm64, Dart under emulation on an M1, Flutter's push to GCR, Cloud Build's community images).
  'test-562.jsonl': 'f60bac8affee9d4724f20684ab62761b99254b8d67efaf22a2dc2d0868c19777',
  'test-564.jsonl': '7a46bbbf9a6aa0eacdad2eb444c3e85144863db33c96f47f2b3c13d2fb2e6d12',
  'test-566.jsonl': '83fc9b6f4577bee7ec44e350d7162f6f1709d159dcc1bd69bb28981da7a34ac2',
  'test-568.jsonl': '000c2fb5719e9d6bf19f4bd95fc8b3cc413a34f23f6fbbfc6d53184a45ee5352',
  // Batches 570 to 576, the same session's fourth round, holdouts only (the search budget's last look-ups): self-hosted AI
  // chat front ends (570), Kubernetes operators (572), PHP framework apps (574), home-server app stores and NAS platforms
  // (576). Nine left out before the freeze, each a failure of that project a train excerpt holds (text-generation-webui's
  // requirements, operator-sdk's quay repository and its `apis` directory in kubebuilder, KServe's disk, CasaOS' timeout,
  // an add-on's tag never pushed, Appwrite and Coolify on 32-bit Arm, API Platform's network).
  'test-570.jsonl': 'bf4b7763756f20f3a5936bcf821725af23ecf4553e71dacac2c7430a924f594c',
  'test-572.jsonl': 'dedd67dd5823f617a4a41f39c209390ad97ca914b357fc8e8e1e857b500fa390',
  'test-574.jsonl': 'eff52cb4c6f705a3d0a061df3caef38898194be3bf0c44621c1e84c56289aa1e',
  'test-576.jsonl': 'fabe93905c4ed30cb37ffa033e3d585a84a58c6235145a5b05afa8f77814d661',
  // Batches 578 to 584 (even), the first round of the session of 2026-12-07 (third): Rust services and toolchains (578),
  // ERP, CRM and project-management apps (580), mail servers and backup tools (582), robotics and ROS images (584). Six
  // left out before the freeze, each a failure of that project a train excerpt holds (cross without a container engine,
  // Frappe's and mailcow's tags never pushed, taiga-back's image, jetson-containers' RTI Connext package, Apollo's dev tag).
  'test-578.jsonl': 'd333b72585649301607ec4c7a0444405ac2996cd47617bbf1caa453f34ccd044',
  'test-580.jsonl': 'd86152ae1b61bc1f64643a91269dfda166e5dd566a50ff7bfbc607f435c9704d',
  'test-582.jsonl': '36a9ecc71711b92c25ca371200288edf7b83668be82a5c4230d3d3cbd9d90a4c',
  'test-584.jsonl': 'e8036002b6ec4c96c65dfc6e7a7c5ee34c97a918944288acf719a7e8d1812fd5',
  // Batches 586 to 592 (even), the same session's second round, collected at the same time as the first round's rules were
  // written and frozen before those rules were committed: dev containers (586), web analytics (588), healthcare and
  // research-data software (590), build systems that make images without a Dockerfile (592). Eight left out before the
  // freeze, each a failure of that project a train excerpt holds (Umami's GeoIP download, the same thread as a train
  // excerpt; Piwik's image; Jib's manifest refused; rules_oci's tool for another platform; a Pants context; a Nixpacks
  // attribute; act under Podman; ko's gcr.io).
  'test-586.jsonl': 'c935194f24ecd599d66534c48028a51eac88e3c4da973160fb5a4fc4d334195e',
  'test-588.jsonl': 'ed5e020584a475195454d247cd9fc482d805c4654267bc149a23a099a7e35741',
  'test-590.jsonl': 'dd95332b0209bf3003bc34c62c10d4e66f4b3d61a622dbe072b12a85e8cbf54e',
  'test-592.jsonl': 'fc60c90938c7c04f97715384e3da754d6139ee0604006c27f7cf180114d8cd81',
  // Batches 594 to 600 (even), the same session's third round, holdouts only (no train beside it), frozen after the rules of
  // train batches 579 to 593 and the review's mends: load-testing and API tools (594), translation, forms and scheduling
  // apps (596), URL shorteners, pastebins, feed readers and podcast servers (598), linters and code-quality images (600).
  // One left out: Weblate on a 32-bit Pi, the same failure as a frozen excerpt of batch 180.
  'test-594.jsonl': '8470ca0aef7ed762176a41042c5c9abb8555371589e683aaa1ea2652b121097c',
  'test-596.jsonl': 'eecfecd11c9a6d86d7534bf03055587eb8073b33772fdf271d6888761648c170',
  'test-598.jsonl': 'e10f8b3733edcb874a65fca19f686532fd00ff2bf6d3149ad3629d064bb06c50',
  'test-600.jsonl': 'f386d4dd287021d2df9e5dcb66822ce0d2d38e1e0418221884120e0977e33852',
  // Batches 602 to 608 (even), a new session's first round, frozen before they were scored and before any rule was written
  // from the train batches collected beside them (603 to 609): Docker Desktop alternatives and local runtimes (602),
  // workflow and integration engines (604), IoT platforms and MQTT servers (606), frontend web frameworks (608). Twenty
  // left out, each the same project's failure as a train excerpt (two as a frozen one's): see the corpus README.
  'test-602.jsonl': '18f3cf20479c1c0df2f3af678f909dfeed5c369321cc5c501416e14020e7b732',
  'test-604.jsonl': 'b6c75cc0600544e20c76e28359240212785883676ff7a61a9f66e039504dc2f8',
  'test-606.jsonl': '5dac19462dd95a1b416b6685a3de4b0496105e26c199ad5cd0539a8411d9684f',
  'test-608.jsonl': '15b09a7880751005c286fd3103411e333595b00c65f3ffebfa9c6a605452e694',
  // Batches 610 to 616 (even), the same session's second round, holdouts only (no train beside it), frozen after the rules of
  // train batches 603 to 609, before they were scored: database admin GUIs and proxies (610), web and proxy servers (612),
  // privacy and peer-to-peer tools (614), print, scan and OCR services (616). Nine left out, each the same project's failure
  // as a train excerpt (three as a frozen one's): see the corpus README.
  'test-610.jsonl': 'd707455fa7e25cf40405de818aba21ce7070138ca2e8253825567f0703aee529',
  'test-612.jsonl': 'a29486ad9fec1e6c0d44864c62433fc4bd98e294b561eedbaf53118338423258',
  'test-614.jsonl': 'ae632ea971e8fd01e6ef83a05a760ab21df6a9db72ac1e7997ae76b07a0e429e',
  'test-616.jsonl': '0ad51cad947dab949577fe1cbdea10950483ce9ef6cb22370c9435d316671930',
  // Batches 618 to 624 (even), the same session's third round, holdouts only (no train beside it), frozen after the rules of
  // train batches 603 to 609 and the review's mends, before they were scored: library, archive and genealogy software (618),
  // wiki engines and team knowledge tools (620), uptime and host-monitoring tools (622), container runtimes and sandboxes
  // (624). Four left out, each the same project's failure as a train excerpt (two as a frozen one's): see the corpus README.
  'test-618.jsonl': 'dc8e0c25127c4a4a81156719b10257a493def55780da7b5f3abcc6b59b2e331a',
  'test-620.jsonl': 'cf9404ab0e13ff7441bb1370776c42249f87ae82f9b7c10c3b3fd6ceda5cf998',
  'test-622.jsonl': 'be164b62d296002a473749fc78c014061c7049a14d32305a5f6ee37ba109600c',
  'test-624.jsonl': '4a7a2df97085001e47774429f2f61900d569102f1d9a1b7e3b08652ad7b02a53',
  // Batches 626 to 632 (even), the first round of the session after, each corner's holdout collected beside a train
  // collector (627 to 633, odd), frozen before they were scored and before any rule was written from that train:
  // desktop-app and game-engine build toolchains (626), self-hosted forges and CI runners (628), JVM-language services beyond
  // plain Java (630), functional and less common language ecosystems (632). Three left out, each the same project's failure
  // as a train or frozen excerpt: see the corpus README.
  'test-626.jsonl': '3f5a42defc28c5a1241e88fa3a446a94d30cf3af817a189301ccc638002db517',
  'test-628.jsonl': '3e061e6a761ea2b9cb4a66488d7fac4a221b66f38172dcc32b98e0143d5c3402',
  'test-630.jsonl': '9480e4b5b659fc3681847f113656a53601eba3a827575c98585b6cbc0b69edb4',
  'test-632.jsonl': 'b66a4e9c08b9ee00be600e5740a847b7d2a3b0020c28262a2412b4b6a4d90919',
  // Batches 634 to 640 (even), the same session's second round, holdouts only (no train beside it), collected while the
  // rules of train batches 627 to 633 were written and frozen before they were scored: geospatial and mapping software (634),
  // real-time media and telephony servers (636), self-hosted package registries and mirrors (638), Matrix, chat and fediverse
  // servers (640). Five left out, each the same project's failure as a train or frozen excerpt: see the corpus README.
  'test-634.jsonl': 'c2eb20c2898d12d0d8e3ba1d5e567406254d17f687d81ad3e68136708c04e824',
  'test-636.jsonl': '6c70123dba81a9561ce0e2856e36eab620706878f94a190dc3c528a3368c6053',
  'test-638.jsonl': 'e02cc5d366dc38938e497ed51e66da6e325419a463e0fdbca98a5603558d689a',
  'test-640.jsonl': 'd0743d6986bc7e839c5fec3b34215228b81f53c4b4a11cdebb9fd63d0048588d',
  // Batches 642 to 648 (even), the same session's third round, holdouts only (no train beside it), frozen after the rules of
  // train batches 627 to 633 and the review's mends, before they were scored: security scanners and offensive-security tools
  // (642), networking, SDN and mobile-core software (644), notebook and data-science base images (646), serverless and
  // function platforms (648). Eleven left out, each the same project's failure as a train or frozen excerpt: see the corpus
  // README.
  'test-642.jsonl': '905903ab6e05b220fe16c3c35a2d72e4e567b9eacdc24f90a47ab04968f294fa',
  'test-644.jsonl': 'f376cde4c3d4406bdecc6343bfd639132df0589d5fe5d0d279b2bb7ca3d7e164',
  'test-646.jsonl': 'ece92619bca1f64ca4138a92ed68d3ef2abe4c7fe460cd1f6ac2cc56d10ccd98',
  'test-648.jsonl': 'dc124426e86725cfb2d44576dab13174dd0d63ccfc00bcd9fed53bcc0ce51bbc',
  // Batches 656 to 662 (even), the first round of the session after, each corner's holdout collected beside a train
  // collector (657 to 663, odd), frozen before they were scored and before any rule was written from that train:
  // time-series, analytical and graph databases (656), media servers and the *arr stack (658), API gateways, feature flags
  // and service meshes (660), blockchain nodes and Web3 tooling (662). One left out, the same project's failure as a train
  // excerpt: see the corpus README.
  'test-656.jsonl': '92562868f80ad00448f47a11fbba79e39f36370b628702c6f62f74dd157a4b98',
  'test-658.jsonl': 'bf291ed6a72c98f56ec5c4a9bc379c4ab1f8f591b5f2da0006292a8732338600',
  'test-660.jsonl': '54a5efe77697f8b45654eed5d8a7fde005af16681c7e36fd265d17cf17733c37',
  'test-662.jsonl': '8d72381b462f0106ae221fac38a1d244d8f6971e67878fed25adc5f742c55718',
  // Batches 664 to 670 (even), the same session's second round, holdouts only (no train beside it), collected while the
  // rules of train batches 657 to 663 were written and frozen after them, before they were scored: Windows containers and
  // images (664), infrastructure-as-code and operations tooling images (666), hardened and minimal base images (668),
  // JavaScript monorepo build tools (670). Five left out, each the same project's failure as a train excerpt: see the corpus
  // README.
  'test-664.jsonl': '9004d07ece9c55ea611f6740b76d24e2e66925cdcfe44a863209dabead04a03c',
  'test-666.jsonl': 'a4fc5d6ac3680f58bf794a86553705ec131d373dfbc368f7107f25b19ca1ce4b',
  'test-668.jsonl': 'ee5075515bd9ebc172968b04bfa2a45413df24a1e29dce0112f925956db6e523',
  'test-670.jsonl': '5a6f8af02f4aaf9fefb409960226b65152b61eced7a7adcd1d7be17883c2483d',
  // Batches 678 to 684 (even), the same session's third round, holdouts only (no train beside it), frozen after the rules of
  // train batches 671 to 677, before they were scored: Java and JVM build images (678), static site generators and
  // documentation toolchains (680), desktops and remote access in containers (682), relational database images (684). Twelve
  // left out, each the same project's failure as a train or frozen excerpt: see the corpus README.
  'test-678.jsonl': '8833e88e83e85873bac7342194b2fa5112857382dd0f07d8fd33289fbf4ddfa3',
  'test-680.jsonl': '2108f3d9c0ae53d99a09f045394ebeb6b71866bdf7ff85fc16bc4a3292c5019f',
  'test-682.jsonl': 'a82c8be6dc321f14433fe49259404a3aa4efd95e4826f6d888671d48da310737',
  'test-684.jsonl': '47dd5337a9782c0a13bf7f47d8db037412cd482544237606350ba1ca399afe04',
};
/** The floor the frozen part must stay above (the README reports the measured numbers). */
// 2321/2828 (82.07%) once batch 128, a holdout, was added (24/40 of it on arrival with main e88ad45's engine, which has the
// rules of train batches 125 and 127): the holdout lowered the floor from 0.822 to 0.820; 2351/2863 (82.11%) once batch 130, a
// holdout, was added (30/35 of it on arrival with the same engine): the floor did not move; 2423/2937 (82.5%) once batches 132
// and 134, holdouts, were added (30/37 and 33/37 of them on arrival with main 93cb319's engine, which has the rules of train
// batches 129 and 131; those moved the frozen part from 2351 to 2360 of 2863, not read): the floor did not move; 2437/2956
// (82.4%) once batches 136 and 138, holdouts, were added (7/9 and 10/10 of them on arrival with main 12792cc's engine, which has
// the rules of train batches 133 and 135; those moved the frozen part from 2423 to 2420 of 2937, not read): the floor did not move;
// 2484/3032 (81.9%) once batches 140 and 142, holdouts, were added (25/37 and 26/39 of them on arrival with main 7768676's engine,
// which has the rules of train batches 137 and 139 and two decided by train's labels; those moved the frozen part from 2437 to
// 2433 of 2956, not read): the holdouts lowered the floor from 0.820 to 0.819; the rules of train batches 141 and 143 (a
// compose service's bare cache-import header, a 401 or 403 with a page for a body) and the word model retrained with them moved
// it from 2484 to 2482 of 3032 (81.86%, not read), so the floor went to 0.818: a guard against regressions, not a target;
// 2513/3084 (81.5%) once batches 144 and 146, holdouts, were added (18/28 and 13/24 of them on arrival with main 7e90455's
// engine, which has the rules of train batches 141 and 143): the holdouts lowered the floor from 0.818 to 0.814; 2532/3099
// (81.7%) once batch 148, a holdout, was added (13/15 of it on arrival with main cbabd98's engine, which has the rules of train
// batches 145 and 147; those moved the frozen part from 2513 to 2519 of 3084, not read): the floor did not move; batch 149's
// word model and the mends of a review of that session's rules moved it to 2530 of 3099 (81.6%, not read); a compose service's
// cache import read as a cache-import step moved it to 2531 of 3099 (not read); 2583/3179 (81.3%) once batches 150 and 152,
// holdouts, were added (21/40 and 31/40 of them on arrival with main 16964df's engine): the holdouts lowered the floor from
// 0.814 to 0.812; 2648/3259 (81.25%) once batches 154 and 156, holdouts, were added (38/40 and 27/40 of them on arrival with
// the same engine): the floor 0.812 held; the rules of train batches 151 to 157 and the word model retrained with them moved it to
// 2655 of 3259 (81.5%, not read); 2723/3331 (81.7%) once batches 158 and 160, holdouts, were added (36/40 and 32/32 of them on
// arrival with main ad0eff9's engine, which has those rules): the floor 0.812 held; the rules of train batches 159 and 161 moved it
// to 2728 of 3331 (not read); 2784/3394 (82.0%) once batches 162 and 164, holdouts, were added (30/33 and 26/30 of them on
// arrival with main da2f686's engine, which has those rules): the floor 0.812 held; the mends of a review of that session's rules,
// train batches 163 and 165 and the word model retrained with them moved it to 2782 of 3394 (82.0%, not read);
// 2921/3568 (81.9%) once batches 166, 168, 170 and 172, holdouts, were added (39/46, 37/46, 32/41 and 31/41 of them on arrival
// with main 9555570's engine, which has those rules and the reading of older BuildKit's bare cache-importer errors): the floor
// 0.812 held; the rules of train batches 167 to 173 and the word model retrained with them moved it to 2925 of 3568 (82.0%, not
// read); 3042/3737 (81.4%) once batches 174, 176, 178 and 180, holdouts, were added (27/41, 26/46, 31/41 and 33/41 of them on
// arrival with main 8217843's engine, which has those rules): the floor 0.812 held; the rules of train batches 175 to 181 and
// the word model retrained with them moved it to 3046 of 3737 (81.5%, not read); 3108/3820 (81.4%) once batches 182 and 184,
// holdouts, were added (32/41 and 30/42 of them on arrival with main f6fc8ef's engine, which has those rules): the floor 0.812 held;
// the rules of train batches 183 and 185 and a review's mends moved it to 3109 of 3820 (not read); 3133/3855 (81.27%) once batch
// 186, a holdout, was added (24/35 of it on arrival with main f3d48e3's engine, which has those): the floor 0.812 held;
// 2300/2788 (82.5%) once batches 124 and 126, holdouts, were added (18/29 and 23/31 of them on arrival with main 4129204's
// engine, which has the rules of train batches 121 and 123; those moved the frozen part from 2257 to 2259 of 2728, not
// read): the floor 0.822 held;
// 2257/2728 (82.7%) once batches 120 and 122, holdouts, were added (29/34 and 33/40 of them on arrival with main f0d3de3's
// engine, which has the rules of train batches 115, 117 and 119 and the wrapper-line change; those moved the frozen part from
// 2194 to 2195 of 2654, not read): the floor 0.822 held;
// 2193/2654 (82.6%) once batches 114, 116 and 118, holdouts, were added (26/39, 26/30 and 23/33 of them on arrival with main
// 2542259's engine, which has the rules of train batches 109, 111 and 113; those moved the frozen part from 2110 to 2118 of 2552,
// not read): the floor 0.822 held;
// 2110/2552 (82.7%) once batches 108, 110 and 112, holdouts, were added (33/37, 19/27 and 31/37 of them on arrival with main
// a6f4bdd's engine, which has the rules of train batches 103, 105 and 107, three CI framings, six lines pasted alone and changes of
// advice; those moved the frozen part from 2017 to 2027 of 2451, not read): the floor 0.822 held;
// 2017/2451 (82.3%) once batches 102, 104 and 106, holdouts, were added (27/34, 6/8 and 29/35 of them on arrival with main
// f7f2be3's engine, which has the rules of train batches 97, 99 and 101, two reviews' mends and two changes of advice only; those
// moved the frozen part from 1957 to 1955 of 2374, not read): the floor 0.822 held;
// 1957/2374 (82.4%) once batches 96, 98 and 100, holdouts, were added (22/31, 28/39 and 26/34 of them on arrival with main
// 272fa97's engine, which has the rules of train batches 91, 93 and 95 and a review's mends; those moved the frozen part from 1868
// to 1882 of 2270, not read): the floor 0.822 held;
// 1868/2270 (82.3%) once batches 90, 92 and 94, holdouts, were added (27/33, 31/41 and 23/32 of them on arrival with main
// ca96933's engine, which has the rules of train batches 85, 87 and 89; those rules left the frozen part at 1787/2164, not read):
// the floor 0.822 held;
// 1787/2164 (82.6%) once batches 84, 86 and 88, holdouts, were added (34/39, 27/36 and 26/34 of them on arrival with main
// 8c74ee8's engine, which has the rules of train batches 67 to 83; the frozen part stood at 1700/2055 before): the floor 0.822 held;
// 1691/2055 (82.3%) once batches 78, 80 and 82, holdouts, were added (30/43, 32/41 and 32/40 of them on arrival with main
// e29b33c's engine, which has the rules of train batches 73 to 83; those rounds moved the frozen part from 1599 to 1597, not
// read): the holdouts lowered the floor from 0.827 to just under the new measured total;
// 1599/1931 (82.8%) once batches 72, 74 and 76, holdouts, were added (22/29, 24/30 and 20/28 of them on arrival with main
// bfbd98c's engine, which has the rules of train batches 67, 69 and 71 and the emulation rule of f2ce8a6; that rule moved the
// frozen part from 1532 to 1533, not read): the floor 0.827 held;
// 1532/1844 (83.1%) once batches 66, 68 and 70, holdouts, were added (37/40, 30/36 and 20/27 of them on arrival with main
// 40220ce's engine, which has the rules of train batches 67, 69 and 71; those rules moved the frozen part from 1441 to 1445,
// not read): the floor 0.827 held;
// 1440/1741 (82.7%) once batches 62 and 64, holdouts, were added (29/33 and 13/21 of them on arrival with main 5b0b37d's engine,
// which has the rules of train batches 59 and 61): the holdouts lowered the floor from 0.828 to just under the new measured total;
// 1398/1687 (82.9%) once batch 60, a holdout, was added (25/44 of it on arrival with main f03f215's engine, which has the rules
// of train batches 59 and 61, after which the frozen part stood at 1373/1643): the floor 0.828 held;
// 1363/1643 (83.0%) once batch 58, a holdout, was added (33/40 of it on arrival with main ceb0311's engine, which has the rules
// of train batches 55 and 57, after which the frozen part stood at 1330/1603): the floor 0.828 held;
// 1328/1603 (82.8%) once batches 54 and 56, holdouts, were added (37/45 and 32/45 of them on arrival with main 1808c4f's engine,
// which has the rules of train batches 51 and 53): the holdouts lowered the floor from 0.832 to just under the new measured total;
// 1259/1513 (83.2%) after train batches 51 and 53's round: its rules and the word model learnt again moved three frozen excerpts
// (not read), the floor 0.832 held;
// 1262/1513 (83.4%) once batches 50 and 52, holdouts, were added (24/27 and 43/55 of them on arrival with main c699a4d's engine,
// which has the rules of train batch 49 and two changes written from tools' wordings and a probe): the floor did not move;
// 1192/1431 (83.3%) once batch 48, a holdout, was added (36/54 of it on arrival with main 0027273's engine, which has the rules of
// train batch 47): the holdout lowered the floor from 0.839 to just under the new measured total;
// 1156/1377 (84.0%) once batch 46, a holdout, was added (59/74 of it on arrival with main 4970210's engine, which has the rules of
// train batch 45): the holdout lowered the floor from 0.841 to just under the new measured total;
// 1097/1303 (84.2%) after train batch 45's round: its rules moved no frozen excerpt, the word model learnt again from the train
// parts with batch 45 lost one (not read); the floor went from 0.842 to 0.841, under the measured total, and says so here;
// 1098/1303 (84.3%) once batch 44, a holdout, was added (45/57 of it on arrival with main a268be8's engine, which has the rules of
// train batches 42 and 43): the holdout lowered the floor from 0.843 to just under the new measured total;
// 1051/1246 (84.3%) once batch 41, a holdout, was added (39/59 of it on arrival with main 9725d55's engine, which has the rules of
// train batch 40): the holdout lowered the floor from 0.85 to just under the new measured total;
// 1010/1187 (85.1%) once batch 39, a holdout, was added (42/64 of it on arrival with main f6251b1's engine, which has the rules of
// train batches 35, 36 and 38): the holdout lowered the floor from 0.861 to just under the new measured total;
// 967/1123 (86.1%) once batch 37, a holdout, was added (40/64 of it on arrival with main f013327's engine, which has the rules of
// train batches 35 and 36): the holdout lowered the floor from 0.872 to just under the new measured total;
// 924/1059 (87.25%) once batch 34, a holdout, was added (52/63 of it on arrival with main a2f8988's engine, which has the rules of
// train batches 31 and 33): the holdout lowered the floor from 0.873 to just under the new measured total;
// 870/996 (87.3%) once batch 30, a holdout, was added (60/76 of it on arrival with main deda2f5's engine, which has the rules of
// train batches 27 and 29): the holdout lowered the floor from 0.88 to just under the new measured total;
// 810/920 (88.0%) once batch 28, a holdout, was added (48/61 of it on arrival with main 9f64db9's engine): the holdout lowered the
// floor from 0.884 to just under the new measured total;
// 760/859 (88.5%) once batch 26, a holdout, was added (47/62 of it on arrival with main f731d2a's engine): the holdout lowered the
// floor from 0.893 to just under the new measured total;
// 712/797 (89.3%) once batch 24, a holdout, was added (50/62 of it on arrival with main d2ef7aa's engine): the holdout lowered the
// floor from 0.9 to just under the new measured total;
// 662/735 (90.1%) once batch 22, a holdout, was added (54/60 of it on arrival with main e4f9186's engine; the floor did not move);
// 610/675 (90.4%) once batch 20, a holdout, was added (52/55 of it on arrival; the floor did not move), then
// 608/675 (90.1%) with the word model and batch 20 (a holdout); 556 of the 620 before it (word-model.ts: a likely cause where
// no signature matched, its settings chosen on the train parts by cross-validation; the frozen part was run after each of the
// changes of settings made for reasons unit tests and reviews showed: 559, 559, 558, 558, 556, a variant at 553 dropped, 556). 551/620 (88.9%) after diag16's first family rules (550/620 = 88.7% after batch 17's round, 549/620 before; without
// batch 16, 489/551 after batch 15's round), written from the tools' own wordings, probes of every form and train
// excerpts only; the floor sits just under the measured value. A holdout lowers it, a rule never raises it by looking
// at the frozen part.
// 3253/4016 (81.0%) once batches 188, 190, 192 and 194, holdouts, were added (116/161 of them on arrival with main cd9aec6's
// engine, the same as a26f895's): the holdouts lowered the floor from 0.812 to 0.81.
// 3392/4180 (81.1%) once batches 196, 198, 200 and 202, holdouts, were added (134/164 of them on arrival with main 1ec79e2's
// engine, which has the rules of train batches 189 to 195): the floor did not move.
// 3438/4237 (81.1%) once batches 204 and 206, holdouts, were added (45/57 of them on arrival with main f9ef8a2's engine, which
// has the rules of train batches 197 to 203): the floor did not move.
// 3568/4398 (81.1%) once batches 208, 210, 212 and 214, holdouts, were added (124/161 of them on arrival with main 917ab0e's
// engine, the same as bfb5140's, which has the rules of train batches 189 to 207): the floor did not move.
// 3702/4542 (81.5%) once batches 216, 218, 220 and 222, holdouts, were added (123/144 of them on arrival with main 5009efe's
// engine, the same as 14224d4's, which has the rules of train batches 209 to 215): the floor did not move.
// 3775/4629 (81.6%) once batches 224, 226 and 228, holdouts, were added (74/87 of them on arrival with main 34b22c3's engine,
// the same as 3174d0b's, which has the rules of train batches 217 to 223): the floor did not move.
// 3887/4771 (81.5%) once batches 230, 232, 234 and 236, holdouts, were added (110/142 of them on arrival with main 20798a9's
// engine, the same as 48b799f's, which has the rules of train batches 209 to 229): the floor did not move.
// 3892/4771 (81.6%) after train batches 231 to 237's rules and the word model learnt again on them (not read); 4094/5025 (81.5%)
// once batches 238 to 252 (even), holdouts of two rounds, were added (202/254 of them on arrival with main 78b958a's engine, the
// same as 0bb9641's: 104/135 for batches 238 to 244, 98/119 for 246 to 252): the floor did not move; 4100/5025 (81.6%) after
// train batches 239 to 253's rules, a review's mends and the word model learnt again (not read).
// 4184/5142 (81.4%) once batches 254, 256, 258 and 260, holdouts, were added (84/117 of them on arrival with main 4e81f58's
// engine, the same as e163d86's, which has the rules of train batches 231 to 253): the floor did not move.
// 4191/5142 (81.5%) after train batches 255 to 261's rules and the word model learnt again on them (not read); 4400/5412
// (81.3%) once batches 262 to 276 (even), holdouts of two rounds, were added (209/270 of them on arrival with main d4d3ad3's
// engine, the same as 1609c45's: 102/142 for batches 262 to 268, 107/128 for 270 to 276): the floor did not move.
// 4400/5412 (81.3%) after train batches 263 to 277's rules and the word model learnt again on them (not read); 4444/5464
// (81.3%) once batches 278 and 280, holdouts, were added (44/52 of them on arrival with main f4439c8's engine, the same as
// dc88bd5's): the floor did not move.
// 4448/5464 (81.4%) after train batches 279 and 281's rules, a review's mends and the word model learnt again (not read);
// 4507/5548 (81.2%) once batches 282 to 288 (even), holdouts, were added (59/84 of them on arrival with main c0ecd69's
// engine, the same as bacd3a2's: 14/19, 25/35, 4/14 and 16/16): the floor did not move.
// 4512/5548 (81.3%) after train batches 283 to 289's rules and the word model learnt again on them (not read); 4683/5764
// (81.2%) once batches 290 to 304 (even), holdouts of two rounds, were added (171/216 of them on arrival with main 4975b5d's
// engine, the same as b750af1's: 89/107 for batches 290 to 296, 82/109 for 298 to 304): the floor did not move.
// 4683/5764 (81.2%) after train batches 291 to 309's rules, a review's mends and the word model learnt again on them (not
// read); 4716/5804 (81.3%) with batches 306 and 308, holdouts, frozen before those rules (33/40 of them on arrival with main
// 41c0290's engine, the same as b750af1's: 14/19 and 19/21; 33/40 with the new rules too): the floor did not move.
// 4773/5880 (81.2%) once batches 310 to 316 (even), holdouts, were added (57/76 of them on arrival with main 4c05546's engine,
// the same as 124bcf8's: 9/13, 7/12, 17/19 and 24/32): the floor did not move; the rules of train batches 311 to 317 moved
// it to 4779/5880 (not read); 4811/5919 (81.3%) once batches 318 to 322 (even), holdouts, were added (32/39 of them on arrival
// with main 0111af8's engine, the same as 54b71e2's, which has those rules: 9/12, 16/18 and 7/9): the floor did not move;
// the rule of train batches 319 to 323 and a review's mends moved it to 4809/5919 (not read); 4855/5971 (81.3%) once batches
// 324 to 330 (even), holdouts, were added (46/52 of them on arrival with main b01e7a6's engine, the same as 8f4971b's: 13/13,
// 12/14, 12/15 and 9/10): the floor did not move; the rules of train batches 325 to 331 and a review's mends moved it to
// 4856/5971 (not read). 4890/6014 (81.3%) once batches 332 to 338 (even), holdouts, were added (34/43 of them on arrival with
// main 2340451's engine, the same as ddb220d's: 11/12, 9/10, 10/12 and 4/9; none refused): the floor did not move; the rules
// of train batches 333 to 339 moved it to 4906/6014 (not read). 4994/6122 (81.6%) once batches 340 to 354 (even), holdouts,
// were added (88/108 of them on arrival with main 8fe065b's engine, the same as 123c402's: 8/8, 7/9, 4/4, 10/11, 13/15, 13/15,
// 24/31 and 9/15): the floor did not move; 5006/6137 (81.6%) once batches 356 and 358, holdouts, were added (12/15 of them
// on arrival with main 2213399's engine, the same as 123c402's: 4/5 and 8/10): the floor did not move. 5036/6188 (81.4%) once
// batches 360 to 366 (even), holdouts, were added (31/51 of them on arrival with main a59ed5f's engine, the same as 87b507c's:
// 9/15, 6/13, 11/14 and 5/9; SteamCMD's own `0x202` disk error and pi-gen's binfmt lines refused): the floor did not move.
// 5079/6236 (81.4%) once batches 368 to 374 (even), holdouts, were added (43/48 of them on arrival with main 1cfeff6's engine,
// the same as 6136e78's: 5/5, 5/5, 12/13 and 21/25; none refused): the floor did not move. 5163/6344 (81.4%) once batches
// 376 to 386 (even), holdouts of two rounds, were added (84/108 of them on arrival with main a710cc3's engine, which has
// train batches 361 to 375's rules and a review's mends: 15/19, 10/11, 27/31, 10/19, 6/8 and 16/20; TeX Live's, Elm's, opam's,
// cabal's and Magento's Composer's own lines refused): the floor did not move. 5214/6411 (81.3%) once batches 388 to 394
// (even), holdouts, were added (50/67 of them on arrival with main 1a011c1's engine, the same as 67a4cab's: 4/5, 17/27,
// 18/23 and 11/12; Poetry's, Hatch's and pip's own lines and Testcontainers' daemon check refused): the floor did not move.
// 5286/6503 (81.3%) once batches 396 to 402 (even), holdouts of the same session's second round, were added (72/92 of them
// on arrival with main 5387ae9's engine, which has the rules of train batches 389 to 395: 27/28, 9/14, 16/20 and 20/30; a
// yarn registry's 502 with no Docker line refused): the floor did not move. 5326/6558 (81.2%) once batches 404 to 410
// (even), holdouts of the same session's third round, were added (37/55 of them on arrival with main 7ef5526's engine, which
// has the rules of train batches 389 to 403: 12/20, 10/11, 12/18 and 3/6; Ruby's and Bundler's own lines and a Kubernetes
// API's refusal with no Docker line refused, most of the rest Compose's and the builders' own words no rule knew yet): the
// floor did not move. 5376/6622 (81.2%) once batches 412 and 414, holdouts of the same session's fourth round, were added
// (44/64 of them on arrival with main d41a380's engine, which has the rules of train batches 389 to 411: 22/30 and 22/34;
// mostly registries' refusals of names that do not exist and podman's own words): the floor did not move. 5431/6687 (81.2%)
// once batches 416 to 422 (even), holdouts of the next session's round, were added (52/65 of them on arrival with main
// b7139ec's engine, which has the rules of train batches 389 to 415: 10/17, 10/11, 21/25 and 11/12): the floor did not move.
// 5457/6722 (81.2%) once batches 424 to 430 (even), holdouts of the same session's second round, were added (24/35 of them on
// arrival with main 7b4c700's engine, which has the rules of train batches 389 to 423: 5/7, 15/24, 1/1 and 3/3): the floor
// did not move. 5506/6784 (81.2%) once batches 432 to 438 (even), holdouts of the same session's third round, were added
// (46/62 of them on arrival with main 379a824's engine, which has the rules of train batches 389 to 431 and a review's
// mends: 9/14, 10/12, 10/13 and 17/23): the floor did not move. 5541/6835 (81.1%) once batches 440 to 446 (even), holdouts
// of the session of 2026-12-07, were added (38/51 of them on arrival with main 13eb28d's engine, the same as bcdd1a1's: 13/17,
// 11/13, 6/8 and 8/13; none refused): the floor did not move. 5583/6892 (81.0%) once batches 448 to 454 (even), holdouts of
// the same session's second round, were added (43/57 of them on arrival with main 38fc400's engine, the same as b10c8a1's,
// which has the rules of train batches 441 to 447: 15/24, 16/18, 6/8 and 6/7; two refused): the floor did not move.
// 5581/6892 (80.98%) after train batches 449 to 455's rules, which moved no frozen excerpt, and the word model learnt again
// on them, which lost two (not read): the floor went from 0.81 to 0.809, under the measured total, and says so here.
// 5618/6935 (81.0%) once batches 456 to 462 (even), holdouts of the same session's third round, were added (37/43 of them on
// arrival with main 6c9b9e9's engine, the same as 692808d's, which has the rules of train batches 441 to 455 and a review's
// mends: 3/3, 11/13, 15/17 and 8/10; one refused, one without a finding): the floor did not move. 5701/7043 (80.9%) once
// batches 464 to 470 (even), holdouts of the session after, were added (87/108 of them on arrival with main a4992fa's engine,
// the same as 7c4f3f7's: 18/22, 29/35, 26/31 and 14/20; four refused): the floor did not move. The rules of train batches
// 465 to 471 moved no frozen excerpt's right answer; the word model learnt again with them lost two (5,699/7,043, not
// read). 5756/7121 (80.8%) once batches 472 to 478 (even), holdouts of the same session's second round, were added (57/78
// of them on arrival with the engine that has those rules: 28/34, 11/17, 8/13 and 10/14; ten refused, one without a
// finding): the holdouts lowered the floor from 0.809 to 0.808. The rules of train batches 473 to 479 and the word model
// learnt again with them moved it to 5761/7121 (80.9%, not read). 5810/7194 (80.8%) once batches 480 to 486 (even),
// holdouts of the same session's third round, were added (49/73 of them on arrival with main ed494e2's engine, the same as
// abd4535's: 19/29, 10/12, 12/13 and 8/19; nine refused): the holdouts lowered the floor from 0.808 to 0.807. The rules
// of train batches 481 to 487, the word model learnt again with them and a review's mends moved it to 5825/7194 (81.0%, not
// read); the rules were written after the holdouts' refused ids had been listed, and one of them (SQL Server's memory floor,
// from a train excerpt) reads two of those. 5862/7239 (81.0%) once batches 488 and 490, holdouts of the same session's
// fourth round, were added (37/45 of them on arrival with main 56154ce's engine, the same as 90ce93a's: 10/16 and 27/29;
// four refused, two without a finding): the floor did not move. The rules of train batches 489 and 491 and the word model
// learnt again with them moved it to 5859/7239 (80.9%, not read: nine of the word model's guesses moved). 5905/7293
// (81.0%) once batches 492 to 498 (even), holdouts of the next session's first round, were added (46/54 of them on arrival
// with main deb735c's engine, the same as 149c290's: 15/17, 11/14, 4/5 and 16/18; none refused or without a finding): the
// floor did not move. The rules of train batches 493 to 499 and the word model learnt again with them moved it to 5909/7293
// (81.0%, not read). 5943/7337 (81.0%) once batches 500 to 506 (even), holdouts of the same session's second round, were
// added (34/44 of them on arrival with main 23ef2dd's engine, the same as 916ec66's: 2/3, 9/11, 15/19 and 8/11; none refused
// or without a finding): the floor did not move. The rules of train batches 501 to 507 and the word model learnt again
// with them were committed before the next round was scored. 5967/7367 (81.0%) once batches 508 to 514 (even), holdouts of
// the same session's third round, were added (23/30 of them on arrival with main 3c6a1b5's engine, the same as 5494ff5's:
// 9/9, 4/6, 5/8 and 5/7; three refused): the floor did not move. The rules of train batches 509 to 515, the word model
// learnt again with them and a review's mends moved it to 5970/7367 (81.0%, not read; the Pillow rule reads two refused
// holdouts of batch 488). 5990/7391 (81.0%) once batches 516 and 518, holdouts of the same session's fourth round, were added
// (20/24 of them on arrival with main 0dba595's engine, the same as 34a8be1's: 14/17 and 6/7; two refused): the floor did
// not move. 6035/7455 (80.95%) once batches 520 to 534 (even), holdouts of two rounds frozen together in the session of
// 2026-12-07 (afternoon), were added (45/64 of them on arrival with main a312db8's engine, the same as 829d207's: 9/9, 2/4,
// 7/8, 5/5, 4/6, 8/9, 7/14 and 3/9; two refused): the floor did not move. The rules of train batches 521 to 535 and the word
// model learnt again with them moved it to 6038/7455 (81.0%, not read). 6054/7472 (81.0%) once batches 536 to 542 (even),
// holdouts of the same session's third round, were added (16/17 of them on arrival with main 42ff85f's engine, the same as
// e510904's: 4/4, 6/6, 2/2 and 4/5; none refused): the floor did not move. The rules of train batches 537 to 543 and the
// word model learnt again with them left it at 6054/7472 (not read). 6069/7493 (81.0%) once batches 544 and 546, holdouts of
// the same session's fourth round, were added (15/21 of them on arrival with main 27e44d0's engine, the same as a7e2f0d's:
// 10/13 and 5/8; none refused): the floor did not move. 6086/7525 (80.9%) once batches 548 to 554 (even), holdouts of the
// session of 2026-12-07 (second)'s first round, were added (17/32 of them on arrival with main 5ce405a's engine, the same as
// a7e2f0d's: 5/6, 0/4, 7/15 and 5/7; two refused): the lowest round yet, its corners' threads mostly taken, its labels
// often the collectors' own reading ("no category fits"); the floor did not move. The rules of train batches 549 to 555 and
// the word model learnt again with them left it at 6086/7525 (not read). 6105/7548 (80.9%) once batches 556 to 560 (even),
// holdouts of the same session's second round, were added (19/23 of them on arrival with main 4507117's engine, the same as
// 910751d's: 9/12, 6/6 and 4/5; two refused); its collectors were told to skip a thread rather than guess its cause. The
// floor did not move. The rules of train batches 557 to 561, a review's mends of the session's rules and the word model
// learnt again with them moved it to 6108/7548 (80.9%, not read). 6122/7566 (80.9%) once batches 562 to 568 (even),
// holdouts of the same session's third round, were added (14/18 of them on arrival with main 693facb's engine, the same as
// 63a115a's: 2/2, 5/6, 3/6 and 4/4; one refused, one without a finding): the floor did not move. The rules of train
// batches 563 to 569 and the word model learnt again with them moved it to 6124/7566 (80.9%, not read). 6179/7633 (81.0%)
// once batches 570 to 576, holdouts of the same session's fourth round (no train beside it), were added (55/67 of them on
// arrival with main 88b2dbe's engine, the same as eeda59e's: 8/9, 21/26, 12/16 and 14/16; none refused): the floor did not
// move. 6209/7672 (80.9%) once batches 578 to 584 (even), holdouts of the first round of the session of
// 2026-12-07 (third), were added (30/39 of them on arrival with main 9f64250's engine, the same as c11122f's: 8/13, 3/3, 8/9
// and 11/14; one refused): the floor did not move. 6247/7723 (80.9%) once batches 586 to 592 (even), holdouts of the same
// session's second round, were added (38/51 of them on arrival with main cafb8e3's engine, the same as c11122f's: 7/12,
// 5/5, 6/6 and 20/28; four refused, one without a finding): the floor did not move. The rules of train batches 579 to 593 and the word
// model learnt again with them moved it to 6256/7723 (81.0%, not read); the review's mends to 6258/7723 (81.0%, not read). 6307/7777
// (81.1%) once batches 594 to 600 (even), holdouts of the same session's third round (no train beside it), were added (49/54
// of them on arrival with main 66b5b7d's engine, the same as 1af5405's: 7/9, 9/10, 11/12 and 22/23; none refused): the floor
// did not move. 6332/7810 (81.1%) once batches 602 to 608 (even), holdouts of the next session's first round, were added (25/33
// of them on arrival with main fc5fa71's engine, the same as b68c149's: 7/10, 7/8, 6/8 and 5/7; none refused): the floor did
// not move. The rules of train batches 603 to 609 and the word model learnt again with them moved it to 6335/7810 (81.1%, not
// read). 6375/7859 (81.1%) once batches 610 to 616 (even), holdouts of the same session's second round (no train beside it),
// were added (40/49 of them on arrival with main e854999's engine, the same as 31a2a44's: 6/9, 14/15, 7/12 and 13/13; two
// refused, four without a finding): the floor did not move. The mends of a review of the session's rules moved it to
// 6379/7859 (81.2%, not read). 6417/7904 (81.2%) once batches 618 to 624 (even), holdouts of the same session's third round
// (no train beside it), were added (38/45 of them on arrival with main 3f5c10e's engine, the same as 777b35d's: 16/19, 9/9,
// 6/7 and 7/10; none refused): the floor did not move. 6453/7950 (81.2%) once batches 626 to 632 (even), holdouts collected
// beside train batches 627 to 633, were added (36/46 of them on arrival with main 538b3b6's engine, the same as d982037's: 7/8,
// 7/8, 11/15 and 11/15; none refused or without a finding): the floor did not move. The rules of train batches 627 to 633 and
// the relearnt word model moved it to 6458/7950 (81.2%, not read). 6490/7990 (81.2%) once batches 634 to 640 (even), holdouts
// of the same session's second round (no train beside it), were added (32/40 of them on arrival with main a5af788's engine: 8/8,
// 11/11, 10/16 and 3/5; none refused or without a finding): the floor did not move. The mends of a review of the session's
// rules moved it to 6491/7990 (81.2%, not read). 6545/8056 (81.2%) once batches 642 to 648 (even), holdouts of the same
// session's third round (no train beside it), were added (54/66 of them on arrival with main 3a9ae0c's engine, the same as
// 1294174's: 11/14, 17/19, 10/14 and 16/19; one refused, one without a finding): the floor did not move. The rules of train
// batches 651 to 655 and two more of the review's mends moved it to 6546/8056 (81.3%, not read). 6583/8106 (81.2%) once
// batches 656 to 662 (even), holdouts collected beside train batches 657 to 663, were added (37/50 of them on arrival with
// main 8bbc8f3's engine, the same as 0ad9897's: 12/18, 5/8, 11/15 and 9/9; one refused, one without a finding): the floor
// did not move. The rules of train batches 657 to 663 and the relearnt word model moved it to 6584/8106 (81.2%, not read).
// 6654/8204 (81.1%) once batches 664 to 670 (even), holdouts of the same session's second round (no train beside it), were
// added (70/98 of them on arrival with main 234bc4e's engine, the same as 002b6da's: 19/26, 21/32, 24/27 and 6/13; two
// refused): the floor did not move. The rules of train batches 671 to 677 and the relearnt word model moved it to 6655/8204
// (81.1%, not read). 6708/8268 (81.1%) once batches 678 to 684 (even), holdouts of the same session's third round (no train
// beside it), were added (53/64 of them on arrival with main a4e08ca's engine, the same as d1e28cf's: 28/32, 5/7, 5/5 and
// 15/20; none refused or without a finding): the floor did not move.
const MIN_TEST_TOP1 = 0.807;
const MIN_TRAIN_TOP1 = 0.9;
// 1 refused and 5 without a finding of 480; batch 13, a holdout, brought one more excerpt without a finding
// (1 refused and 6 without a finding of 551 on main 3acb128's engine), so the cap was raised to 7 when it arrived.
// Batch 20, a holdout, brought one refused excerpt: 2 refused and 5 without a finding of 675 on main c6e2102's engine, at the cap.
// Batch 22, a holdout, brought none: 2 refused and 5 without a finding of 735 on main e4f9186's engine, still at the cap.
// Batch 24, a holdout, brought one excerpt without a finding: 2 refused and 6 without a finding of 797 on main d2ef7aa's engine,
// so the cap was raised to 8 when it arrived.
// Batch 26, a holdout, brought one refused excerpt: 3 refused and 6 without a finding of 859 on main f731d2a's engine,
// so the cap was raised to 9 when it arrived.
// Batch 28, a holdout, brought none: 3 refused and 6 without a finding of 920 on main 9f64db9's engine, still at the cap.
// Batch 30, a holdout, brought one refused excerpt and three without a finding: 4 refused and 9 without a finding of 996 on main
// deda2f5's engine, so the cap was raised to 13 when it arrived.
// Batch 34, a holdout, brought none: 4 refused and 9 without a finding of 1059 on main a2f8988's engine, still at the cap.
// Batch 37, a holdout, brought one refused excerpt and two without a finding: 5 refused and 8 without a finding of 1123 on main
// f013327's engine, at the cap.
// Batch 39, a holdout, brought one refused excerpt and five without a finding: 6 refused and 13 without a finding of 1187 on main
// f6251b1's engine, so the cap was raised to 19 when it arrived.
// Batch 41, a holdout, brought one refused excerpt and one without a finding: 7 refused and 14 without a finding of 1246 on main
// 9725d55's engine, so the cap was raised to 21 when it arrived.
// Batch 44, a holdout, brought none: 7 refused and 14 without a finding of 1303 on main a268be8's engine, still at the cap.
// Batch 46, a holdout, brought none: 7 refused and 14 without a finding of 1377 on main 4970210's engine, still at the cap.
// Batch 48, a holdout, brought none: 7 refused and 14 without a finding of 1431 on main 0027273's engine, still at the cap.
// Batches 50 and 52, holdouts, brought one excerpt without a finding: 7 refused and 15 without a finding of 1513 on main
// c699a4d's engine, so the cap was raised to 22 when they arrived.
// Batches 54 and 56, holdouts, brought one refused excerpt: 8 refused and 15 without a finding of 1603 on main 1808c4f's engine,
// so the cap was raised to 23 when they arrived.
// Batch 58, a holdout, brought one refused excerpt: 9 refused and 15 without a finding of 1643 on main ceb0311's engine, so the
// cap was raised to 24 when it arrived.
// Train batches 59 and 61's round brought the frozen part to 8 refused and 12 without a finding (not read); batch 60, a holdout,
// brought one refused excerpt and three without a finding: 9 refused and 15 without a finding of 1687 on main f03f215's engine,
// at the cap.
// Batches 62 and 64, holdouts, brought one refused excerpt and two without a finding: 10 refused and 17 without a finding of 1741
// on main 5b0b37d's engine, so the cap was raised to 27 when they arrived.
// A review then found that the slow-build notice for a log that stops while one step runs fired on every legacy-builder paste
// (whose last step never ends in the log); without it, two frozen excerpts whose only finding was that notice have none: 10
// refused and 19 without a finding on main's engine after the fix, so the cap was raised to 29 (their ids' first findings
// compared before and after, the excerpts not read).
// A holdout may loosen this cap; a rule never tightens it by looking at the frozen part.
// Batches 66, 68 and 70, holdouts, brought one refused excerpt and none without a finding: 11 refused and 19 without a finding of
// 1844 on main 40220ce's engine, so the cap was raised to 30 when they arrived.
// Batches 72, 74 and 76, holdouts, brought none. Batches 78, 80 and 82, holdouts, brought two refused excerpts and three
// without a finding: 13 refused and 22 without a finding of 2055 on main e29b33c's engine, so the cap was raised to 35.
// Batches 84, 86 and 88, holdouts, brought two refused excerpts and two without a finding: 15 refused and 20 without a finding of
// 2164 on main 8c74ee8's engine (13 and 18 before them), at the cap.
// Batches 90, 92 and 94, holdouts, brought two refused excerpts and none without a finding: 17 refused and 20 without a finding
// of 2270 on main ca96933's engine, so the cap was raised to 37 when they arrived.
// Batches 96, 98 and 100, holdouts, brought one refused excerpt and two without a finding: 18 refused and 22 without a finding
// of 2374 on main 272fa97's engine, so the cap was raised to 40 when they arrived.
// Batches 102, 104 and 106, holdouts, brought one refused excerpt and three without a finding: 19 refused and 25 without a finding
// of 2451 on main f7f2be3's engine, so the cap was raised to 44 when they arrived.
// The rules after them brought the frozen part to 15 refused and 25 without a finding (not read); batches 108, 110 and 112,
// holdouts, brought one refused excerpt and two without a finding: 16 refused and 27 without a finding of 2552 on main a6f4bdd's
// engine, under the cap.
// The rules after them left the frozen part at 16 refused and 26 without a finding (not read); batches 114, 116 and 118, holdouts,
// brought one refused excerpt and three without a finding: 17 refused and 29 without a finding of 2654 on main 2542259's engine,
// so the cap was raised to 46 when they arrived.
// Batches 120 and 122, holdouts, brought none; batches 124 and 126 brought two without a finding: 17 refused and 31 without
// a finding of 2788 on main 4129204's engine, so the cap was raised to 48 when they arrived.
// Batch 128, a holdout, brought two refused excerpts and one without a finding: 19 refused and 32 without a finding of 2828 on
// main e88ad45's engine, so the cap was raised to 51 when it arrived. Batch 130, a holdout, brought none (the same engine).
// Batches 132 and 134, holdouts, brought one excerpt without a finding: 19 refused and 33 without a finding of 2937 on main
// 93cb319's engine, so the cap was raised to 52 when they arrived. The rules of train batches 133 and 135 brought the frozen part
// to 18 refused (not read); batches 136 and 138, holdouts, brought none: 18 refused and 33 without a finding of 2956 on main
// 12792cc's engine, under the cap. The mends of a review of that session's rules (a bare `unexpected EOF` is no longer a
// network timeout) brought it to 19 refused (not read): 19 and 33 of 2956, at the cap. Batches 140 and 142, holdouts, brought two
// refused excerpts and one without a finding: 21 refused and 34 without a finding of 3032 on main 7768676's engine, so the cap
// was raised to 55 when they arrived. Batches 144 and 146, holdouts, brought two excerpts without a finding: 21 refused and 36
// without a finding of 3084 on main 7e90455's engine, so the cap was raised to 57 when they arrived. The rules of train batches
// 145 and 147 brought that to 20 and 32 (not read); batch 148, a holdout, brought none: 20 and 32 of 3099 on main cbabd98's engine.
// Batches 150 and 152, holdouts, brought five refused excerpts and three without a finding: 25 refused and 35 without a finding of
// 3179 on main 16964df's engine, so the cap was raised to 60 when they arrived. Batches 154 and 156, holdouts, brought two refused
// excerpts: 27 refused and 35 without a finding of 3259 on the same engine, so the cap was raised to 62. Batches 158 and 160,
// holdouts, brought one excerpt without a finding: 27 refused and 36 without a finding of 3331 on main ad0eff9's engine, so the
// cap was raised to 63. Batches 162 and 164, holdouts, brought two refused excerpts: 29 refused and 36 without a finding of 3394
// on main da2f686's engine, so the cap was raised to 65. Batches 166, 168, 170 and 172, holdouts, brought one refused excerpt and
// two without a finding: 30 refused and 38 without a finding of 3568 on main 9555570's engine, so the cap was raised to 68. The
// rules of train batches 167 to 173 brought that to 30 and 37 (not read). Batches 174, 176, 178 and 180, holdouts, brought three
// refused excerpts and seven without a finding: 33 refused and 44 without a finding of 3737 on main 8217843's engine, so the cap
// was raised to 77. The rules of train batches 175 to 181 brought that to 33 and 40 (not read); batches 182 and 184, holdouts,
// brought four refused excerpts: 37 refused and 40 without a finding of 3820 on main f6fc8ef's engine, at the cap. Batch 186, a
// holdout, brought four refused and one without a finding: 41 and 41 of 3855 on main f3d48e3's engine, so the cap was raised to 82.
// Batches 188, 190, 192 and 194, holdouts, brought ten refused excerpts (eight in batch 190)
// and one without a finding: 51 and 42 of 4016 on main cd9aec6's engine, so the cap was raised to 93.
// The rules of train batches 189 to 195 brought that to 47 and 41 (not read); batches 196, 198, 200 and 202, holdouts, brought
// four refused excerpts and one without a finding: 51 and 42 of 4180 on main 1ec79e2's engine, at the cap.
// The rules of train batches 197 to 203 brought that to 48 and 42 (not read); batches 204 and 206, holdouts, brought three
// refused excerpts: 51 and 42 of 4237 on main f9ef8a2's engine, at the cap.
// Batches 208, 210, 212 and 214, holdouts, brought nine refused excerpts (five in batch 210, four in 212) and four without a
// finding: 60 and 46 of 4398 on main 917ab0e's engine, so the cap was raised to 106.
// The rules of train batches 209 to 215 brought that to 59 and 46 (not read); batches 216, 218, 220 and 222, holdouts, brought
// two refused excerpts and two without a finding (all four in batch 220): 61 and 48 of 4542 on main 5009efe's engine, so the
// cap was raised to 109. The rules of train batches 217 to 223 brought that to 60 and 48 (not read); batches 224, 226 and
// 228, holdouts, brought one refused excerpt: 61 and 48 of 4629 on main 34b22c3's engine, at the cap. The rules of train
// batches 225 to 229 left that at 61 and 48; batches 230, 232, 234 and 236, holdouts, brought two refused excerpts and four
// without a finding: 63 and 52 of 4771 on main 20798a9's engine, so the cap was raised to 115. The rules of train batches 231 to
// 237 brought that to 62 and 51 (not read); batches 238 to 252 (even), holdouts, brought ten refused excerpts (three each in
// batches 238 and 244) and one without a finding: 72 and 52 of 5025 on main 78b958a's engine, so the cap was raised to 124.
// The rules of train batches 239 to 253 and a review's mends brought that to 71 and 52 (not read). Batches 254, 256, 258 and
// 260, holdouts, brought seven refused excerpts (four in batch 254) and three without a finding: 78 and 55 of 5142 on main
// 4e81f58's engine, so the cap was raised to 133. The rules of train batches 255 to 261 left that at 78 and 55; batches 262
// to 276 (even), holdouts, brought one refused excerpt (batch 268) and five without a finding (two each in batches 274 and
// 276): 79 and 60 of 5412 on main d4d3ad3's engine, so the cap was raised to 139. The rules of train batches 263
// to 277 left that at 79 and 60; batches 278 and 280 brought none. Batches 282 to 288 (even), holdouts, brought one refused
// excerpt (batch 284) and two without a finding (batch 282): 80 and 62 of 5548 on main c0ecd69's engine, so the cap was
// raised to 142. The rules of train batches 283 to 289 brought that to 78 and 62 (not read); batches 290 to 304 (even),
// holdouts, brought twelve refused excerpts (four in batch 300, three in 298) and two without a finding: 90 and 64 of 5764
// on main 4975b5d's engine, so the cap was raised to 154. The rules of train batches 291 to 309 brought that to 87 and 64
// (not read); batches 306 and 308, holdouts, brought one refused excerpt and three without a finding (all in batch 306; 33/40
// on arrival): 88 and 67 of 5804, so the cap was raised to 155. Batches 310 to 316 (even), holdouts, brought three refused
// excerpts (one in batch 310, two in 316) and one without a finding (batch 314): 91 and 68 of 5880 on main 4c05546's engine,
// so the cap was raised to 159. The rules of train batches 311 to 317 brought that to 90 and 68 (not read); batches 318 to 322
// (even), holdouts, brought one refused excerpt (batch 318): 91 and 68 of 5919 on main 0111af8's engine, at the cap.
// Batches 324 to 330 (even), holdouts, brought one refused excerpt (batch 328): 92 and 68 of 5971 on main b01e7a6's engine,
// so the cap was raised to 160. Batches 332 to 338 (even), holdouts, brought none; batches 340 to 354 (even), holdouts,
// brought four refused excerpts (one in batch 342, one in 350, two in 352): 96 and 68 of 6122 on main 8fe065b's engine, so
// the cap was raised to 164. Batches 356 and 358, holdouts, brought one refused excerpt (batch 358): 97 and 68 of 6137 on
// main 2213399's engine, so the cap was raised to 165. Batches 360 to 366 (even), holdouts, brought seven refused excerpts
// (four in batch 360, two in 362, one in 364) and one without a finding (batch 366): 104 and 69 of 6188 on main a59ed5f's
// engine, so the cap was raised to 173. Batches 368 to 374 (even), holdouts, brought none. Batches 376 to 386 (even),
// holdouts, brought nine refused excerpts (three each in batches 376, 382 and 386): 113 and 69 of
// 6344 on main a710cc3's engine, so the cap was raised to 182. Batches 388 to 394 (even), holdouts, brought five refused
// excerpts (three in batch 390, two in 392) and one without a finding (batch 390): 118 and 70 of 6411 on main 1a011c1's
// engine, so the cap was raised to 188. Batches 396 to 402 (even), holdouts, brought one refused excerpt (batch 402): 119
// and 70 of 6503 on main 5387ae9's engine, so the cap was raised to 189. Batches 404 to 410 (even), holdouts, brought six
// refused excerpts (five in batch 404, one in 410) and one without a finding (batch 408): 125 and 71 of 6558 on main
// 7ef5526's engine, so the cap was raised to 196. Batches 412 and 414, holdouts, brought two refused excerpts and three
// without a finding (all in batch 414, podman's and a rootless daemon's own lines): 127 and 74 of 6622 on main d41a380's
// engine, so the cap was raised to 201. Batches 416 to 422 (even), holdouts, brought two refused excerpts (a CLI's error
// in batch 416, a fragment in 422) and one without a finding (a legacy build in 420): 129 and 75 of 6687 on main b7139ec's
// engine, so the cap was raised to 204. Batches 424 to 430 (even), holdouts, brought one refused excerpt (a supply-chain
// tool's own lines in a GitHub Actions log, batch 426): 130 and 75 of 6722 on main 7b4c700's engine, so the cap was raised
// to 205. Batches 432 to 438 (even), holdouts, brought three refused excerpts (fragments of Windows containers' own
// lines, batch 438): 133 and 75 of 6784 on main 379a824's engine, so the cap was raised to 208.
// Batches 440 to 446 (even), holdouts, brought none: 132 and 75 of 6835 on main 13eb28d's engine. Batches 448 to 454
// (even), holdouts, brought two refused excerpts (a geospatial import's own lines, batch 448): 134 and 75 of 6892 on main
// 38fc400's engine, so the cap was raised to 209. Batches 456 to 462 (even), holdouts, brought one refused excerpt (an
// editor's cook killed with exit 137, batch 458) and one without a finding (Che's agent out of memory, batch 460): 135 and
// 76 of 6935 on main 6c9b9e9's engine, so the cap was raised to 211. Batches 464 to 470 (even), holdouts, brought four
// refused excerpts (a .NET and a Go fragment's own lines, a NuGet restore's, a legacy build whose installer script found
// no `which`): 139 and 76 of 7043 on main a4992fa's engine, so the cap was raised to 215. Batches 472 to 478 (even),
// holdouts, brought ten refused excerpts (nine fragments of the tools' own lines: cpanm's, Bundler's, apt's, vcpkg's, a
// cross-compiler's, Pulsar's; one legacy build of GitLab's assets) and one without a finding (a qmake project moved to CMake): 149 and 77 of 7121 with the rules of
// train batches 465 to 471, so the cap was raised to 226. Batches 480 to 486 (even), holdouts, brought nine refused
// excerpts (SQL Server's and Oracle's own start-up lines under emulation or short of memory, and npm's native modules'
// lines pasted alone): 158 and 77 of 7194 on main ed494e2's engine, so the cap was raised to 235. Batches 488 and 490,
// holdouts, brought four refused excerpts (Pillow's, mysqlclient's and gunicorn's own lines pasted alone) and two without a
// finding (an emulated pandas wheel's build, Cassandra's apt mirror): 158 and 79 of 7239 on main 56154ce's engine (the rules
// of train batches 481 to 487 had read four of those refused before), so the cap was raised to 237. Batches 492 to 498 (even),
// holdouts, brought none: 156 and 79 of 7293 on main deb735c's engine. Batches 500 to 506 (even), holdouts, brought none:
// 156 and 79 of 7337 on main 23ef2dd's engine. Batches 508 to 514 (even), holdouts, brought three refused excerpts (Composer's
// own lines on a PHP requirement, a truncated download's checksum in Flatpak's builder, ghost-cli's install without git): 159
// and 79 of 7367 on main 3c6a1b5's engine, so the cap was raised to 238. The rules of train batches 509 to 515 read two refused
// excerpts of batch 488 (Pillow's own lines): 157. Batches 516 and 518, holdouts, brought two refused excerpts: 159 and 79 of
// 7391 on main 0dba595's engine, within the cap. Batches 520 to 534 (even), holdouts, brought two refused excerpts (QEMU's
// own line from an emulated program on Apple silicon, HPC Container Maker's yum mirror): 161 and 79 of 7455 on main
// a312db8's engine, so the cap was raised to 240. The rules of train batches 521 to 535 (BuildKit's `failed to resolve source
// metadata` and a cut `The command '/bin/sh -c ...` kept as Docker's) made it 160 and 79 (not read which). Batches 548 to
// 554 (even), holdouts, brought two refused excerpts (a vaultwarden RUN line cut before its error, opkg's own lines from an
// OpenWrt rootfs): 162 and 79 of 7525 on main 5ce405a's engine, so the cap was raised to 241. The rules of train batches
// 549 to 555 (apt's warnings for a release its repository no longer has) made it 161 and 79 (not read which). Batches 556
// to 560 (even), holdouts, brought two refused excerpts (wget's 404 for a Spark tarball pasted alone, webpack's own lines
// under a tty build's seconds): 163 and 79 of 7548 on main 4507117's engine, so the cap was raised to 242. Batches 562 to
// 568 (even), holdouts, brought one refused excerpt (Go's unused import pasted alone from an issue title) and one without a
// finding (a BuildKit line of an NDK download that was slow, cut before its time): 164 and 80 of 7566 on main 693facb's
// engine, so the cap was raised to 244. The rules of train batches 563 to 569 made it 163 and 80 (not read which).
// Batch 578 (even), a holdout, brought one refused excerpt (cargo's `failed to read .../Cargo.toml` of a workspace member
// the Dockerfile never copied, pasted alone): 164 and 80 of 7672 on main 9f64250's engine, at the cap. Batches 586 to
// 592 (even), holdouts, brought four refused excerpts (the devcontainer CLI's `Failed to fetch feature, ETIMEOUT`, a Kubernetes
// pod's ephemeral storage limit quoted alone, mise's missing attestation, a shell's `: command not found` from a
// rules_docker loader) and one without a finding (Nix dockerTools' `tar: ... Wrote only 2048 of 10240 bytes`): 168 and 81
// of 7723 on main cafb8e3's engine, so the cap was raised to 249. Batches 610 to 616 (even), holdouts, brought two refused
// excerpts (a user's quote of a COPY line before the daemon's `lstat index.php`, yum's `package httpd24-mod_security is not
// installed` pasted alone) and four without a finding (`docker image inspect` output, a `lstat` line cut mid-word, Go's
// `requires go >= 1.23`, gpg's `no valid OpenPGP data found` after a keyring download): 170 and 85 of 7859 on main
// e854999's engine, so the cap was raised to 255. Batches 642 to 648 (even), holdouts, brought one refused excerpt (R's
// `download.packages` timing out, CodeBuild's numbered lines without a Docker word) and one without a finding (a script's
// `Command 'docker build ...' was killed after 840 seconds, no more retries left`): 171 and 86 of 8056 on main 3a9ae0c's
// engine, so the cap was raised to 257. The rules of train batches 651 to 655 left 171 and 84. Batches 656 to 662 (even),
// holdouts, brought one refused excerpt (dpkg's unmet dependency pasted alone) and one without a finding (a legacy build cut
// within apt's `Package python-support is not available, but is referred to by anothe`, before the step's exit): 172 and 85 of 8106 on main 8bbc8f3's engine, at the cap. Batches 664 to 670 (even),
// holdouts, brought two refused excerpts (hcsshim's `The operating system of the container does not match the operating
// system of the host` quoted alone, after `CreateComputeSystem`; ansible-builder's JSON-quoted Podman error, `/usr/bin/dnf:
// No such file or directory` in a list of strings): 174 and 85 of 8204 on main 234bc4e's engine, so the cap was raised to 259.
const MAX_TEST_REFUSED_OR_SILENT = 259;

function read(prefix: string): Case[] {
  return readdirSync(DIR)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(DIR, f), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Case),
    );
}

const train = read('train-');
const test = read('test-');
const firsts = new Map<string, { first: string | null; builds: number }>();

beforeAll(async () => {
  for (const c of [...train, ...test]) {
    const analysis = await diagnoseText(c.excerpt, `${c.id}.log`);
    firsts.set(c.id, { first: analysis.findings[0]?.id ?? null, builds: analysis.builds.length });
  }
}, 120_000);

function score(cases: Case[]): { top1: number; byGroup: Map<string, [number, number]> } {
  const byGroup = new Map<string, [number, number]>();
  let right = 0;
  for (const c of cases) {
    const hit = firsts.get(c.id)!.first === c.category;
    if (hit) right++;
    const group = byGroup.get(c.group) ?? [0, 0];
    byGroup.set(c.group, [group[0] + Number(hit), group[1] + 1]);
  }
  return { top1: right / cases.length, byGroup };
}

function describeScore(name: string, cases: Case[]): string {
  const { top1, byGroup } = score(cases);
  const groups = [...byGroup].map(([g, [r, n]]) => `${g} ${r}/${n}`).join(', ');
  return `${name}: top-1 ${(100 * top1).toFixed(1)}% of ${cases.length} (${groups})`;
}

describe('diagnosis of unseen logs', () => {
  it('the frozen test parts are unchanged', () => {
    for (const [file, sha] of Object.entries(FROZEN))
      expect([
        file,
        createHash('sha256')
          .update(readFileSync(join(DIR, file)))
          .digest('hex'),
      ]).toEqual([file, sha]);
    expect(
      readdirSync(DIR)
        .filter((f) => f.startsWith('test-'))
        .sort(),
    ).toEqual(Object.keys(FROZEN).sort());
  });

  it('no test excerpt shares a thread with a train excerpt', () => {
    const trainThreads = new Set(train.map((c) => c.source));
    expect(test.filter((c) => trainThreads.has(c.source)).map((c) => c.id)).toEqual([]);
  });

  it('names the labelled cause first on the frozen test part (reported per form group)', () => {
    process.stdout.write(`\n${describeScore('unseen test (frozen)', test)}\n${describeScore('unseen train', train)}\n`);
    expect(score(test).top1).toBeGreaterThanOrEqual(MIN_TEST_TOP1);
    expect(score(train).top1).toBeGreaterThanOrEqual(MIN_TRAIN_TOP1);
  });

  it('never refuses an excerpt that holds Docker output, and never leaves a failure without a finding', () => {
    // Checked on the part the rules were written against; the frozen part's count is reported.
    const refused = (cases: Case[]) => cases.filter((c) => firsts.get(c.id)!.builds === 0).map((c) => c.id);
    const silent = (cases: Case[]) => cases.filter((c) => firsts.get(c.id)!.builds > 0 && firsts.get(c.id)!.first === null).map((c) => c.id);
    process.stdout.write(`unseen test (frozen): ${refused(test).length} refused, ${silent(test).length} without a finding\n`);
    expect({ refused: refused(train), silent: silent(train) }).toEqual({ refused: [], silent: [] });
    expect(refused(test).length + silent(test).length).toBeLessThanOrEqual(MAX_TEST_REFUSED_OR_SILENT);
  });
});

// A person's reading of the same logs (fixtures/reader-study, see its README): 400 frozen excerpts drawn at random, each
// labelled blind (the excerpt alone: no thread, no label, no engine output, no search) by readers who write no rules. Their
// agreement with the threads' labels says how much of a log's cause the log itself shows, so what top-1 a reader of logs can
// reach; the engine's top-1 on the same 400 is printed beside it.
interface ReaderLabel {
  id: string;
  reader: string;
  second: string | null;
  confidence: 'high' | 'low';
}

const READER_STUDY = join(FIXTURES, 'reader-study', 'frozen-sample.jsonl');
// As measured when the study was made (2026-12-06): the readers named the thread's cause first for 362 of the 400.
const READERS_RIGHT = 362;

describe("a reader's blind labels of a sample of the frozen part", () => {
  const labels = readFileSync(READER_STUDY, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as ReaderLabel);
  const byId = new Map(test.map((c) => [c.id, c]));

  it('label 400 distinct frozen excerpts, each with one of the corpus categories', () => {
    const categories = new Set([...train, ...test].map((c) => c.category));
    expect(new Set(labels.map((l) => l.id)).size).toBe(400);
    expect(labels.filter((l) => !byId.has(l.id)).map((l) => l.id)).toEqual([]);
    expect(labels.filter((l) => !categories.has(l.reader) || (l.second !== null && !categories.has(l.second))).map((l) => l.id)).toEqual([]);
  });

  it('agree with the threads as recorded (the engine is scored on the same excerpts and printed beside them)', () => {
    const readers = labels.filter((l) => l.reader === byId.get(l.id)!.category).length;
    const engine = labels.filter((l) => firsts.get(l.id)!.first === byId.get(l.id)!.category).length;
    const both = labels.filter((l) => l.reader === byId.get(l.id)!.category && firsts.get(l.id)!.first === l.reader).length;
    process.stdout.write(
      `reader study (400 frozen excerpts): readers ${readers}/400, buildx-doctor ${engine}/400; where the readers agree with the thread, buildx-doctor ${both}/${readers}\n`,
    );
    expect(readers).toBe(READERS_RIGHT);
  });
});
