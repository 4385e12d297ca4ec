1; % gradcheck's adapter for an Octave nnCostFunction.m (the classic exercise's signature).
%
% One Octave process serves all of a submission's calls: it parses the submission's .m files
% once (a parse error is reported as a load error, Octave's message intact), says it is ready,
% then reads requests on stdin, framed by their length, and calls the student's function unchanged:
%   [J, grad] = nnCostFunction(nn_params, input_layer_size, hidden_layer_size, num_labels, X, y, lambda)
% with labels 1..K and nn_params = [Theta1(:); Theta2(:)]. Requests arrive 0-based and
% row-major; this file converts both ways.

function line = read_request(requests)
  % An 11-digit byte count and a newline, then exactly that many bytes: two reads per request.
  % (fgetl on a pipe can hold a complete line back until more input arrives, and reading byte
  % by byte cost more than the student's function.)
  [header, count] = fread(requests, 12, 'uint8=>char');
  if count < 12
    line = [];
    return;
  end
  n = str2double(header(1:11)');
  [line, count] = fread(requests, n, 'uint8=>char');
  if count < n
    line = [];
    return;
  end
  line = line';
end

function s = number_list(v)
  % One sprintf for the whole vector; NaN stays NaN, Inf becomes the Infinity gradcheck reads.
  s = sprintf('%.17g,', double(v(:)));
  s = ['[', strrep(s(1:end - 1), 'Inf', 'Infinity'), ']'];
end

function say(text)
  % A newline first: whatever the student's code printed without one ends before the answer.
  printf('\n%s\n', text);
  fflush(stdout);
end

function message = located(err)
  % The student's frame nearest the error: its file (relative to the submission) and line.
  here = [pwd(), filesep()];
  message = strrep(err.message, here, '');
  for k = 1:numel(err.stack)
    frame = err.stack(k);
    if strncmp(frame.file, here, numel(here)) && isempty(strfind(frame.file, 'gradcheck_adapter'))
      message = sprintf('%s, line %d: %s', strrep(frame.file, here, ''), frame.line, message);
      return;
    end
  end
end

function load_error = parse_all()
  % Every .m file beside the entry, parsed before the first call: a syntax error anywhere is
  % the submission failing to load, not a wrong answer on each case.
  load_error = '';
  files = dir('*.m');
  for k = 1:numel(files)
    if strcmp(files(k).name, 'gradcheck_adapter.m'), continue; end
    try
      __parse_file__(files(k).name);
    catch err
      load_error = strrep(err.message, [pwd(), filesep()], '');
      return;
    end
  end
end

function answer(request)
  sizes = double(request.layerSizes(:))';
  if numel(sizes) ~= 3
    error('gradcheck:shape', 'this nnCostFunction handles exactly one hidden layer; the request has layerSizes [%s]', num2str(sizes));
  end
  s1 = sizes(1); s2 = sizes(2); K = sizes(3);
  params = double(request.params(:));
  n1 = s2 * (s1 + 1);
  % Row-major Θ⁽ˡ⁾ (s_{l+1} × (s_l + 1)) → Octave's column-major unrolling.
  Theta1 = reshape(params(1:n1), s1 + 1, s2)';
  Theta2 = reshape(params(n1 + 1:end), s2 + 1, K)';
  X = reshape(double(request.X), [], s1);
  y = double(request.y(:)) + 1;
  [J, grad] = nnCostFunction([Theta1(:); Theta2(:)], s1, s2, K, X, y, double(request.lambda));
  grad = double(grad(:));
  if numel(grad) == numel(params)
    G1 = reshape(grad(1:n1), s2, s1 + 1)';
    G2 = reshape(grad(n1 + 1:end), K, s2 + 1)';
    grad = [G1(:); G2(:)];
  end
  if numel(J) ~= 1
    error('gradcheck:J', 'J has %d elements, expected a scalar', numel(J));
  end
  J = number_list(J);
  say(sprintf('{"id":%d,"J":%s,"grad":%s}', request.id, J(2:end - 1), number_list(grad)));
end

more off;
problem = parse_all();
if ~isempty(problem)
  say(['{"type":"load-error","kind":"syntax-error","message":', jsonencode(problem), '}']);
  exit(0);
end
say('{"type":"ready"}');
while true
  line = read_request(stdin);
  if isempty(line), break; end
  request = jsondecode(line);
  try
    answer(request);
  catch err
    say(sprintf('{"id":%d,"error":%s}', request.id, jsonencode(located(err))));
  end
end
