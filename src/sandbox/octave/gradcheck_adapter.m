1; % gradcheck's adapter for an Octave nnCostFunction.m (the classic exercise's signature).
%
% Speaks gradcheck's JSON-lines protocol on stdin/stdout and calls the student's function
% unchanged:  [J, grad] = nnCostFunction(nn_params, input_layer_size, hidden_layer_size,
% num_labels, X, y, lambda)  with labels 1..K and nn_params = [Theta1(:); Theta2(:)].
% Requests arrive 0-based and row-major; this file converts both ways.

function line = read_request_line()
  % Bytes, not fgetl: on a pipe, fgetl can hold a complete line back until more input arrives,
  % and gradcheck sends the next request only after this answer.
  persistent pending;
  if isempty(pending), pending = ''; end
  while true
    nl = find(pending == 10, 1);
    if ~isempty(nl)
      line = pending(1:nl - 1);
      pending = pending(nl + 1:end);
      return;
    end
    [chunk, count] = fread(stdin, 1, 'uint8=>char');
    if count == 0
      line = [];
      return;
    end
    pending = [pending, chunk'];
  end
end

function s = number_token(v)
  % jsonencode writes NaN and ±Inf as null; gradcheck reads bare NaN / Infinity tokens.
  if isnan(v), s = 'NaN';
  elseif isinf(v) && v > 0, s = 'Infinity';
  elseif isinf(v), s = '-Infinity';
  else s = sprintf('%.17g', v);
  end
end

function s = number_list(v)
  v = double(v(:));
  parts = cell(1, numel(v));
  for k = 1:numel(v), parts{k} = number_token(v(k)); end
  s = ['[', strjoin(parts, ','), ']'];
end

function s = json_string(text)
  text = strrep(strrep(text, '\', '\\'), '"', '\"');
  text = regexprep(text, '[\x00-\x1f]', ' ');
  s = ['"', text, '"'];
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
  printf('{"id":%d,"J":%s,"grad":%s}\n', request.id, number_token(J), number_list(grad));
  fflush(stdout);
end

more off;
while true
  line = read_request_line();
  if isempty(line), break; end
  request = jsondecode(line);
  try
    answer(request);
  catch err
    printf('{"id":%d,"error":%s}\n', request.id, json_string(err.message));
    fflush(stdout);
  end
end
